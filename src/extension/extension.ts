import * as vscode from 'vscode';
import { registerAuthCommands } from './auth/registerAuthCommands';
import { registerChat } from './chat/registerChat';
import { registerEvals } from './evals/registerEvals';
import { exportsFor, type TestSeams } from './exports';
import { registerExportCommand } from './export/registerExportCommand';
import { registerLintFeatures } from './lint/registerLintFeatures';
import { registerNewSkillCommand } from './newSkill/registerNewSkillCommand';
import { registerPublish } from './publish/registerPublish';
import { registerDiff } from './diff/registerDiff';
import { registerRemoteFiles } from './remoteFiles/registerRemoteFiles';
import { createServices } from './services/services';
import { registerRemoteSkills } from './tree/registerRemoteSkills';
import { registerShowLogCommand } from './ui/registerShowLogCommand';

/**
 * Activation is a table of contents: the shared services are made once, each feature registers itself with
 * them, owns its disposables through `context.subscriptions`, and does no I/O until it is used.
 * Returns the test seams in `ExtensionMode.Test` only (see `exportsFor`).
 */
export function activate(context: vscode.ExtensionContext): TestSeams | undefined {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Skillsmith', { log: true });
  context.subscriptions.push(log);
  const services = createServices(context, log);

  registerShowLogCommand(context, log);
  registerAuthCommands(context, services);
  registerLintFeatures(context, services);
  registerNewSkillCommand(context, services);
  registerExportCommand(context, services);
  registerRemoteFiles(context, services);
  const remoteSkills = registerRemoteSkills(context, services);
  const publish = registerPublish(context, services, remoteSkills);
  registerDiff(context, services, remoteSkills);
  const evals = registerEvals(context, services);
  const chat = registerChat(context, services);

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return exportsFor(context.extensionMode, () => ({
    remoteSkills,
    publish,
    chat,
    evals,
    prompts: services.prompts,
    keys: services.keys,
    folders: services.folders,
    activationMs,
  }));
}

/** Everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
