import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { RestoreOutcome } from '../../src/extension/diff/restoreAsLatest';
import type { PublishOutcome } from '../../src/extension/shared/publishOutcome';
import type { TreeNode } from '../../src/extension/tree/nodes/treeNode';
import { openPublishSession, skillMd, type PublishSession } from './support/publishSession';

/** The version nodes of the skill that holds the tree's selected version. */
async function versionNodesOfSelected(session: PublishSession): Promise<TreeNode[]> {
  const selected = session.remote.treeView.selection[0];
  assert.ok(selected?.id.startsWith('version:'), 'a version is selected');
  const skill = session.remote.tree.getParent(selected);
  assert.ok(skill);
  return session.remote.tree.getChildren(skill);
}

suite('Restore as Latest', () => {
  let session: PublishSession;
  let folder: vscode.Uri;
  let first: Extract<PublishOutcome, { kind: 'published' }>;

  suiteSetup(async () => {
    session = await openPublishSession('restore-tests');
    session.prompts.pickLink = () => Promise.resolve({ kind: 'new' });
    session.prompts.askDisplayName = (name) => Promise.resolve(name);
    session.prompts.preview = () => Promise.resolve(true);
    folder = session.skillFolder('restored-skill', { 'SKILL.md': skillMd('restored-skill'), 'notes.md': 'kept in v1\n' });
    const outcome = await vscode.commands.executeCommand<PublishOutcome>('skillsmith.publish.folder', folder);
    assert.ok(outcome.kind === 'published', JSON.stringify(outcome));
    first = outcome;
    fs.writeFileSync(vscode.Uri.joinPath(folder, 'SKILL.md').fsPath, skillMd('restored-skill', 'A change that broke it.'));
    fs.rmSync(vscode.Uri.joinPath(folder, 'notes.md').fsPath);
    fs.writeFileSync(vscode.Uri.joinPath(folder, 'extra.md').fsPath, 'added in v2\n');
    const second = await vscode.commands.executeCommand<PublishOutcome>('skillsmith.publish.folder', folder);
    assert.equal(second.kind, 'published', JSON.stringify(second));
  });

  suiteTeardown(async () => {
    await session.close();
  });

  test('previews the changes against the latest in the diff editor, then publishes exactly v1’s files as v3 and reveals it', async () => {
    const versions = await versionNodesOfSelected(session);
    const v1 = versions.find((node) => node.id === `version:${first.skillId}/${first.version.ref}`);
    assert.ok(v1, 'v1 is listed');
    let asked: { message: string; detail: string } | undefined;
    session.prompts.confirm = (message, detail) => {
      asked = { message, detail };
      return Promise.resolve(true);
    };
    const outcome = await vscode.commands.executeCommand<RestoreOutcome>('skillsmith.version.restore', v1);
    assert.equal(outcome.kind, 'restored', JSON.stringify(outcome));
    assert.ok(outcome.kind === 'restored');
    assert.deepEqual(outcome.comparison, { added: ['notes.md'], removed: ['extra.md'], changed: ['SKILL.md'], binary: [] });
    assert.match(asked?.message ?? '', /^Restore v1 \(.+\) of "restored-skill" as the latest version\?$/);
    assert.equal(
      asked?.detail,
      'A new version, v3, gets exactly the files of v1: 1 file changed, 1 file added, 1 file removed against the latest, v2. Users of the skill get it from then on.',
    );
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.match(tab?.label ?? '', /^v2 \(latest\) ↔ v1 \(restored\)/, 'the multi-file diff editor shows the preview');

    const revealed = session.remote.treeView.selection[0];
    assert.equal(revealed?.id, `version:${first.skillId}/${outcome.version.ref}`, 'the new version is revealed, selected');
    const stored = session.emulator.admin.store.find(first.skillId).versions;
    assert.equal(stored.length, 3);
    const files = (index: number) => stored.at(index)?.files.map((file) => [file.path, Buffer.from(file.data).toString('hex')]);
    assert.deepEqual(files(-1), files(0), 'the new latest has exactly v1’s files');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('restoring a version with the latest’s files publishes nothing, and a declined restore publishes nothing', async () => {
    const versions = await versionNodesOfSelected(session);
    const count = versions.length;
    const latest = session.remote.treeView.selection[0];
    let asked = false;
    session.prompts.confirm = () => {
      asked = true;
      return Promise.resolve(false);
    };
    assert.deepEqual(await vscode.commands.executeCommand<RestoreOutcome>('skillsmith.version.restore', latest), { kind: 'unchanged' });
    assert.equal(asked, false, 'nothing to confirm');
    const v2 = versions.find((node) => node.id !== latest?.id && node.id !== `version:${first.skillId}/${first.version.ref}`);
    assert.deepEqual(await vscode.commands.executeCommand<RestoreOutcome>('skillsmith.version.restore', v2), { kind: 'cancelled' });
    assert.equal(asked, true);
    assert.equal((await versionNodesOfSelected(session)).length, count, 'no version was added');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Copy Version Reference copies the {type, skill_id, version} JSON that container.skills takes', async () => {
    const selected = session.remote.treeView.selection[0];
    assert.ok(selected && 'version' in selected);
    const copied = await vscode.commands.executeCommand<string>('skillsmith.version.copyReference', selected);
    const { version } = selected as unknown as { version: { skillId: string; ref: string } };
    assert.deepEqual(JSON.parse(copied), { type: 'custom', skill_id: version.skillId, version: version.ref });
    assert.equal(await vscode.env.clipboard.readText(), copied);
  });
});
