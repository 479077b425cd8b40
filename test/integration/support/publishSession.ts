import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import type { PublishFeature } from '../../../src/extension/publish/registerPublish';
import type { RemoteSkills } from '../../../src/extension/tree/registerRemoteSkills';
import { interactivePrompts, type Prompts } from '../../../src/extension/ui/prompts';
import { activateSeams } from './seams';

/** A key the emulator accepts; plainly not a real one. */
const TEST_KEY = 'skillsmith-integration-test-key';

/** A signed-in extension against a fresh seeded emulator, with a scratch folder of skill folders in the workspace. */
export interface PublishSession {
  readonly emulator: RunningEmulator;
  readonly remote: RemoteSkills;
  readonly publish: PublishFeature;
  /** Every question the extension asks (tests replace members to answer them; `close` restores them). */
  readonly prompts: Prompts;
  /** Writes a skill folder `name` under the scratch folder (files relative to it) and returns its URI. */
  skillFolder(name: string, files: Record<string, string | Uint8Array>): vscode.Uri;
  /** Signs out, restores the prompts and settings, forgets the links, deletes the scratch folder, stops the emulator. */
  close(): Promise<void>;
}

/** The SKILL.md of a valid skill named `name`. */
export function skillMd(name: string, body = 'Do the thing, step by step.'): string {
  return `---\nname: ${name}\ndescription: Test skill ${name}. Use when an integration test publishes it.\n---\n\n# ${name}\n\n${body}\n`;
}

/** Starts the emulator, points the extension at it and signs in with the key (through the real command). */
export async function openPublishSession(scratchName: string): Promise<PublishSession> {
  const seams = await activateSeams();
  const { remoteSkills: remote, publish, prompts } = seams;
  const envKey = process.env.ANTHROPIC_API_KEY;
  delete process.env.ANTHROPIC_API_KEY;
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: true, apiKey: TEST_KEY });
  const settings = vscode.workspace.getConfiguration('skillsmith');
  await settings.update('api.baseUrl', emulator.url, vscode.ConfigurationTarget.Global);
  prompts.askApiKey = () => Promise.resolve(TEST_KEY);
  await vscode.commands.executeCommand('skillsmith.auth.setKey');
  // Each connection change resets the tree once it is announced: wait for all of them (this suite's and any an
  // earlier suite left), or a late reset would drop what the first test puts in the tree.
  await remote.auth.settled();
  assert.equal(remote.auth.state, 'signedIn');
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(workspace, 'the fixture workspace is open');
  const scratch = path.join(workspace.fsPath, scratchName);
  fs.mkdirSync(scratch, { recursive: true });
  return {
    emulator,
    remote,
    publish,
    prompts,
    skillFolder(name, files) {
      const dir = path.join(scratch, name);
      for (const [relative, data] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
        fs.writeFileSync(path.join(dir, relative), data);
      }
      return vscode.Uri.file(dir);
    },
    async close() {
      for (const [folder] of publish.links.all()) await publish.links.remove(folder);
      Object.assign(prompts, interactivePrompts);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('skillsmith.auth.signOut');
      await vscode.workspace.getConfiguration('skillsmith').update('api.baseUrl', undefined, vscode.ConfigurationTarget.Global);
      await remote.auth.settled();
      if (envKey !== undefined) process.env.ANTHROPIC_API_KEY = envKey;
      fs.rmSync(scratch, { recursive: true, force: true });
      await emulator.close();
    },
  };
}

/** Resolves once `until()` holds after a decoration change of `folder` (subscribe before the action). */
export function decorationSettles(publish: PublishFeature, folder: vscode.Uri, until: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const subscription = publish.drift.onDidChangeFileDecorations((uris) => {
      const changed = Array.isArray(uris) ? uris : [uris];
      if (!changed.some((uri) => uri.toString() === folder.toString()) || !until()) return;
      subscription.dispose();
      resolve();
    });
  });
}

/** Replaces the whole text of `uri` in an editor and saves it, as a person would. */
export async function editAndSave(uri: vscode.Uri, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await document.save());
}
