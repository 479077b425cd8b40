import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { fromRemoteUri, toMirroredRemoteUri } from '../../src/extension/services/remoteUri';
import type { PublishOutcome } from '../../src/extension/shared/publishOutcome';
import type { Comparison } from '../../src/extension/diff/compareFileSets';
import type { TreeNode } from '../../src/extension/tree/nodes/treeNode';
import { editAndSave, openPublishSession, skillMd, type PublishSession } from './support/publishSession';

/** The tab the multi-file diff editor opened, once it is the active one. */
function activeTabLabel(): string | undefined {
  return vscode.window.tabGroups.activeTabGroup.activeTab?.label;
}

/** Resolves when a tab whose label contains `text` becomes active (subscribe before the command). */
function tabOpens(text: string): Promise<void> {
  return new Promise((resolve) => {
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!activeTabLabel()?.includes(text)) return;
      subscription.dispose();
      resolve();
    });
  });
}

suite('Diff', () => {
  let session: PublishSession;
  let folder: vscode.Uri;
  let first: Extract<PublishOutcome, { kind: 'published' }>;
  const contentRequests: string[] = [];

  suiteSetup(async () => {
    session = await openPublishSession('diff-tests');
    session.emulator.admin.onRequest((request) => {
      if (request.path.endsWith('/content')) contentRequests.push(request.path);
    });
    session.prompts.pickLink = () => Promise.resolve({ kind: 'new' });
    session.prompts.askDisplayName = (name) => Promise.resolve(name);
    session.prompts.preview = () => Promise.resolve(true);
    session.prompts.publishUnchanged = () => Promise.resolve(true);
    folder = session.skillFolder('diffed-skill', {
      'SKILL.md': skillMd('diffed-skill'),
      'notes/old.md': 'to be removed\n',
      'assets/logo.bin': new Uint8Array([0, 1, 2, 3]),
    });
    const outcome = await vscode.commands.executeCommand<PublishOutcome>('skillsmith.publish.folder', folder);
    assert.equal(outcome.kind, 'published', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'published');
    first = outcome;
  });

  suiteTeardown(async () => {
    await session.close();
  });

  test('"Compare with Remote Version…" opens the multi-file diff editor with the added, removed and changed files, from the upload cache', async () => {
    await editAndSave(vscode.Uri.joinPath(folder, 'SKILL.md'), skillMd('diffed-skill', 'Changed for the diff.'));
    fs.writeFileSync(vscode.Uri.joinPath(folder, 'notes/new.md').fsPath, 'added\n');
    fs.rmSync(vscode.Uri.joinPath(folder, 'notes/old.md').fsPath);
    fs.writeFileSync(vscode.Uri.joinPath(folder, 'assets/logo.bin').fsPath, new Uint8Array([0, 9, 9, 9]));
    // Some keys cannot download: the upload cache must answer, so the service is never asked for the content.
    session.emulator.admin.injectFault({ method: 'GET', path: '/v1/skills/*/versions/*/content', status: 403, times: 100 });
    let offered: readonly string[] = [];
    session.prompts.pickVersion = (_title, versions) => {
      offered = versions.map((version) => version.id);
      return Promise.resolve(versions[0]);
    };
    const opened = tabOpens('↔');
    const comparison = await vscode.commands.executeCommand<Comparison>('skillsmith.diff.withRemote', folder);
    await opened;
    session.emulator.admin.clearFaults();
    assert.deepEqual(offered, [first.version.id]);
    assert.deepEqual(comparison, {
      added: ['notes/new.md'],
      removed: ['notes/old.md'],
      changed: ['SKILL.md', 'assets/logo.bin'],
      binary: ['assets/logo.bin'],
    });
    assert.deepEqual(contentRequests, [], 'the upload cache answered; nothing was downloaded');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.label.includes('diffed-skill'), `the diff editor is titled after the folder: ${tab?.label}`);
    assert.match(tab?.label ?? '', /^v1 \(.*\) ↔ .*diffed-skill/, `the version is named by its label: ${tab?.label}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test("the remote side of a folder comparison has the local files' paths, so a changed file is not shown as renamed", async () => {
    const local = vscode.Uri.joinPath(folder, 'SKILL.md');
    const remote = toMirroredRemoteUri(
      { skillId: first.skillId, versionRef: first.version.ref, path: 'diffed-skill/SKILL.md' },
      'diffed-skill',
      folder,
    );
    assert.equal(remote.scheme, 'skillsmith-remote');
    assert.equal(remote.path, local.path, 'the diff editor pairs the two sides by path');
    assert.deepEqual(fromRemoteUri(remote), { skillId: first.skillId, versionRef: first.version.ref, path: 'diffed-skill/SKILL.md' });
    assert.deepEqual(
      fromRemoteUri(vscode.Uri.joinPath(remote, '..', 'notes', 'old.md')).path,
      'diffed-skill/notes/old.md',
      'derived URIs resolve too',
    );
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(remote));
    assert.match(text, /name: diffed-skill/, "the remote file system serves the version's file under the local path");
    assert.doesNotMatch(text, /Changed for the diff/, 'the published content, not the edited one');
  });

  test('"Compare Versions" compares two versions selected in the tree, older on the left', async () => {
    const second = await vscode.commands.executeCommand<PublishOutcome>('skillsmith.publish.folder', folder);
    assert.equal(second.kind, 'published', JSON.stringify(second));
    const selected = session.remote.treeView.selection[0];
    assert.ok(selected?.id.startsWith('version:'), 'the new version is selected');
    const skill = session.remote.tree.getParent(selected);
    assert.ok(skill);
    const versions: TreeNode[] = await session.remote.tree.getChildren(skill);
    const older = versions.find((node) => node.id === `version:${first.skillId}/${first.version.ref}`);
    assert.ok(older, 'the first version is listed');
    const opened = tabOpens('↔');
    const comparison = await vscode.commands.executeCommand<Comparison>('skillsmith.diff.versions', selected, [selected, older]);
    await opened;
    assert.deepEqual(comparison?.changed, ['SKILL.md', 'assets/logo.bin']);
    assert.deepEqual(comparison?.added, ['notes/new.md']);
    assert.deepEqual(comparison?.removed, ['notes/old.md']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('comparing an unchanged folder says there is no difference and opens nothing', async () => {
    session.prompts.pickVersion = (_title, versions) => Promise.resolve(versions[0]);
    const comparison = await vscode.commands.executeCommand<Comparison>('skillsmith.diff.withRemote', folder);
    assert.deepEqual(comparison, { added: [], removed: [], changed: [], binary: [] });
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab, undefined, 'no editor was opened');
  });
});
