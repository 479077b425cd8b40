import * as vscode from 'vscode';
import { registerExportCommand } from './export/registerExportCommand';
import { registerLintFeatures } from './lint/registerLintFeatures';
import { registerNewSkillCommand } from './newSkill/registerNewSkillCommand';
import { trackSkillFolders } from './shared/skillFolderContext';
import { registerRemoteSkills, type RemoteSkills } from './tree/registerRemoteSkills';

/** What `activate` returns: handles the integration tests use (nothing else depends on it). */
export interface SkillsmithApi {
  readonly remoteSkills: RemoteSkills;
  /** How long `activate` took, in milliseconds (reported by the tests, never asserted). */
  readonly activationMs: number;
}

/**
 * Activation is a table of contents: each feature registers itself, owns its disposables through
 * `context.subscriptions`, and does no I/O and no network work until it is used.
 */
export function activate(context: vscode.ExtensionContext): SkillsmithApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Skillsmith', { log: true });
  context.subscriptions.push(log);

  registerLintFeatures(context, log);
  registerNewSkillCommand(context, log);
  registerExportCommand(context, log);
  context.subscriptions.push(trackSkillFolders());
  const remoteSkills = registerRemoteSkills(context, log);
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return { remoteSkills, activationMs };
}

/** Everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
