import * as vscode from 'vscode';
import { registerLintFeatures } from './lint/registerLintFeatures';
import { registerNewSkillCommand } from './newSkill/registerNewSkillCommand';
import { registerRemoteSkills, type RemoteSkills } from './tree/registerRemoteSkills';

/** What `activate` returns: handles the integration tests use (nothing else depends on it). */
export interface SkillsmithApi {
  readonly remoteSkills: RemoteSkills;
}

/**
 * Activation is a table of contents: each feature registers itself, owns its disposables through
 * `context.subscriptions`, and does no I/O and no network work until it is used.
 */
export function activate(context: vscode.ExtensionContext): SkillsmithApi {
  const log = vscode.window.createOutputChannel('Skillsmith', { log: true });
  context.subscriptions.push(log);

  registerLintFeatures(context, log);
  registerNewSkillCommand(context, log);
  const remoteSkills = registerRemoteSkills(context, log);
  return { remoteSkills };
}

/** Everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
