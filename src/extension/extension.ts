import * as vscode from 'vscode';
import { registerLintFeatures } from './lint/registerLintFeatures';
import { registerNewSkillCommand } from './newSkill/registerNewSkillCommand';
import { registerRemoteSkills } from './tree/registerRemoteSkills';

/**
 * Activation is a table of contents: each feature registers itself, owns its disposables through
 * `context.subscriptions`, and does no I/O and no network work until it is used.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Skillsmith', { log: true });
  context.subscriptions.push(log);

  registerLintFeatures(context, log);
  registerNewSkillCommand(context, log);
  registerRemoteSkills(context, log);
}

/** Everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
