import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_UPLOAD_LIMIT_BYTES } from '../../src/core/bundle/uploadChecks';
import type { SkillFolders } from '../../src/extension/services/skillFolders/skillFolders';
import { interactivePrompts, type Prompts } from '../../src/extension/ui/prompts';
import { createWatchedFolder, ruleOf, waitForDiagnostics, waitForRule, withLintSetting } from './support/diagnostics';
import { activateSeams } from './support/seams';

const encoder = new TextEncoder();

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return folder.uri;
}

/** Resolves with the next folder `folders` reports changed that `matches` accepts (subscribe before the action). */
function nextChange(folders: SkillFolders, matches: (folder: vscode.Uri) => boolean): Promise<vscode.Uri> {
  return new Promise((resolve) => {
    const subscription = folders.onDidChange((folder) => {
      if (!matches(folder)) return;
      subscription.dispose();
      resolve(folder);
    });
  });
}

/** Resolves once `folders` has reported every one of `expected` changed, in any order (subscribe before the action). */
function changesOf(folders: SkillFolders, expected: readonly vscode.Uri[]): Promise<void> {
  const waiting = new Set(expected.map((folder) => folder.path));
  return new Promise((resolve) => {
    const subscription = folders.onDidChange((folder) => {
      waiting.delete(folder.path);
      if (waiting.size > 0) return;
      subscription.dispose();
      resolve();
    });
  });
}

/** A SKILL.md whose `name` is not its folder's (so `name-dir-mismatch` shows it was linted), with `extra` lines. */
function skillMd(name: string, extra = ''): Uint8Array {
  return encoder.encode(`---\nname: ${name}\ndescription: Checks the watcher. Use when a test asks.\n${extra}---\n\n# Watched\n`);
}

/**
 * After every file event heard so far is checked against the disk, a new search finds nothing the service had not
 * already reported (it fires for any folder its state had wrong); resolves with that search's list.
 */
async function listAgreesWithWatcher(folders: SkillFolders): Promise<string[]> {
  await folders.settled();
  const late: string[] = [];
  const subscription = folders.onDidChange((folder) => late.push(vscode.workspace.asRelativePath(folder, false)));
  try {
    const listed = (await folders.list()).map((folder) => vscode.workspace.asRelativePath(folder, false));
    assert.deepEqual(late, [], 'the search found what the watcher had missed');
    return listed;
  } finally {
    subscription.dispose();
  }
}

suite('Skill folders', () => {
  let folders: SkillFolders;
  let prompts: Prompts;
  const releaseNotes = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'release-notes');
  const scratch = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'skill-folders-tests');
  /** The watcher test's folder: not in `scratch()`, whose delete the watcher may report late (see that test). */
  const watched = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'watched-skill');
  /** The folders the at-once tests make at the workspace root. */
  const swappedOut = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'swapped-out');
  const swappedIn = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'swapped-in');

  suiteSetup(async () => {
    const seams = await activateSeams();
    folders = seams.folders;
    prompts = seams.prompts;
  });

  teardown(async () => {
    Object.assign(prompts, interactivePrompts);
    for (const [folder] of folders.links.all()) await folders.links.remove(folder);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const folder of [scratch(), watched(), swappedOut(), swappedIn()])
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('one search lists every folder holding a SKILL.md, sorted by path, and the SKILL.md files for the linter', async () => {
    const listed = (await folders.list()).map((folder) => vscode.workspace.asRelativePath(folder, false));
    for (const expected of ['broken-example', 'lint/unopened-skill', 'release-notes'])
      assert.ok(listed.includes(expected), `${expected} in ${listed.join(', ')}`);
    assert.deepEqual(listed, [...listed].sort());
    const files = (await folders.skillMdFiles()).map((file) => vscode.workspace.asRelativePath(file, false));
    assert.ok(files.includes('release-notes/SKILL.md'));
  });

  test('resolve() finds the folder from a folder, its SKILL.md, a file in it, a test item and the active editor', async () => {
    const folder = releaseNotes();
    const same = (uri: vscode.Uri | undefined): void => assert.equal(uri?.toString(), folder.toString());
    prompts.pickSkillFolder = () => assert.fail('no pick: the argument names the folder');
    same(await folders.resolve(folder, 'which?'));
    same(await folders.resolve(vscode.Uri.joinPath(folder, 'SKILL.md'), 'which?'));
    same(await folders.resolve(vscode.Uri.joinPath(folder, 'template.md'), 'which?'));

    const controller = vscode.tests.createTestController('skill-folders-test', 'Skill folders test');
    try {
      same(await folders.resolve(controller.createTestItem('x', 'x', vscode.Uri.joinPath(folder, 'SKILL.md')), 'which?'));
    } finally {
      controller.dispose();
    }

    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'template.md'));
    same(await folders.resolve(undefined, 'which?'));
  });

  test('resolve() with nothing to go on asks, and on a remote skill offers the folders linked to it first', async () => {
    const asked: Array<{ title: string; folders: string[] }> = [];
    prompts.pickSkillFolder = (title, offered) => {
      asked.push({ title, folders: offered.map((folder) => vscode.workspace.asRelativePath(folder, false)) });
      return Promise.resolve(offered[0]);
    };
    const all = await folders.list();
    assert.ok(all.length > 1, 'the fixture workspace has several skill folders');

    const picked = await folders.resolve(undefined, 'Publish which skill?');
    assert.equal(picked?.toString(), all[0]?.toString());
    assert.equal(asked[0]?.title, 'Publish which skill?');
    assert.equal(asked[0]?.folders.length, all.length);

    await folders.links.set(releaseNotes(), { skillId: 'skill_linked', title: 'Release notes' });
    const fromTree = await folders.resolve({ id: 'skill:skill_linked', skill: { id: 'skill_linked' } }, 'Publish to it from…');
    assert.equal(fromTree?.toString(), releaseNotes().toString());
    assert.equal(asked[1]?.folders[0], 'release-notes', 'the linked folder comes first');
    assert.equal(asked[1]?.folders.length, all.length, 'every folder is offered');
  });

  test('holding() finds the innermost skill folder above a file, as the disk has it now, and nothing outside one', async () => {
    const outer = vscode.Uri.joinPath(scratch(), 'outer');
    const inner = vscode.Uri.joinPath(outer, 'vendor', 'inner');
    const deep = vscode.Uri.joinPath(outer, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'deep.py');
    const loose = vscode.Uri.joinPath(scratch(), 'loose', 'run.py');
    for (const file of [vscode.Uri.joinPath(outer, 'SKILL.md'), vscode.Uri.joinPath(inner, 'SKILL.md'), deep, loose])
      await vscode.workspace.fs.writeFile(file, encoder.encode('x\n'));
    const holding = async (file: vscode.Uri): Promise<string | undefined> => {
      const folder = await folders.holding(file);
      return folder && vscode.workspace.asRelativePath(folder, false);
    };
    assert.equal(await holding(vscode.Uri.joinPath(outer, 'scripts', 'run.sh')), 'skill-folders-tests/outer');
    assert.equal(await holding(vscode.Uri.joinPath(inner, 'scripts', 'run.sh')), 'skill-folders-tests/outer/vendor/inner');
    assert.equal(await holding(deep), 'skill-folders-tests/outer', 'eight folders down is still in the skill');
    assert.equal(await holding(loose), undefined, 'a file in no skill folder has none');
    assert.equal(
      await holding(vscode.Uri.joinPath(workspaceRoot(), 'notes.txt')),
      undefined,
      'the workspace root is the last place looked',
    );
  });

  test('the watcher adds a new skill folder and drops a deleted one, and says which', async () => {
    // Not under the scratch folder: the watcher reports the previous test's delete of that folder late, and in one
    // batch with a create below it the create is dropped (its parent is deleted), so the event never came.
    const folder = watched();
    const isIt = (changed: vscode.Uri): boolean => changed.path === folder.path;
    await folders.list();

    await createWatchedFolder(folder);
    const added = nextChange(folders, isIt);
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'SKILL.md'),
      encoder.encode('---\nname: watched-skill\ndescription: Watched.\n---\n'),
    );
    await added;
    assert.ok((await folders.list()).some(isIt));
    assert.equal(await folders.isSkillFolder(folder), true);

    // Deleted as the Explorer deletes, announced by VS Code: `added` may have come from a search set off by a late
    // event of an earlier test, before the OS watcher reported the create; a delete right after it can then fold
    // into that create in the watcher's batch, and neither event comes.
    const removed = nextChange(folders, isIt);
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(vscode.Uri.joinPath(folder, 'SKILL.md'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await removed;
    assert.ok(!(await folders.list()).some(isIt));
    assert.equal(await folders.isSkillFolder(folder), false);
  });

  test('a skill folder deleted as another is made, at once: the events, the list and the diagnostics follow the disk', async () => {
    const [out, into] = [swappedOut(), swappedIn()];
    await folders.list();
    await createWatchedFolder(out);
    const added = nextChange(folders, (changed) => changed.path === out.path);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(out, 'SKILL.md'), skillMd('not-swapped-out'));
    await added;
    await waitForRule(vscode.Uri.joinPath(out, 'SKILL.md'), 'name-dir-mismatch');

    const heard = changesOf(folders, [out, into]);
    await Promise.all([
      vscode.workspace.fs.delete(out, { recursive: true, useTrash: false }),
      vscode.workspace.fs.writeFile(vscode.Uri.joinPath(into, 'SKILL.md'), skillMd('not-swapped-in')),
    ]);
    await heard;
    await waitForRule(vscode.Uri.joinPath(into, 'SKILL.md'), 'name-dir-mismatch');
    await waitForDiagnostics(vscode.Uri.joinPath(out, 'SKILL.md'), (diagnostics) => diagnostics.length === 0);
    const listed = await listAgreesWithWatcher(folders);
    assert.ok(listed.includes('swapped-in'), listed.join(', '));
    assert.ok(!listed.includes('swapped-out'), listed.join(', '));
  });

  test('a skill folder deleted and made again at once stays one, linted as its new SKILL.md says', async () => {
    const folder = swappedOut();
    const file = vscode.Uri.joinPath(folder, 'SKILL.md');
    await folders.list();
    await createWatchedFolder(folder);
    const added = nextChange(folders, (changed) => changed.path === folder.path);
    await vscode.workspace.fs.writeFile(file, skillMd('not-swapped-out'));
    await added;
    await waitForRule(file, 'name-dir-mismatch');

    // Each report says the folder's SKILL.md came or went: an odd count means it is gone as far as the service knows.
    let reports = 0;
    const counting = folders.onDidChange((changed) => {
      if (changed.path === folder.path) reports++;
    });
    try {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      await vscode.workspace.fs.writeFile(file, skillMd('swapped-out', 'when_to_use: In tests.\n'));
      await waitForDiagnostics(file, (diagnostics) => diagnostics.map(ruleOf).join() === 'unknown-key');
      await folders.settled();
      // A check between the delete and the write saw it gone; the events of the write, checked in turn, bring it back.
      while (reports % 2 === 1) {
        await nextChange(folders, (changed) => changed.path === folder.path);
        await folders.settled();
      }
    } finally {
      counting.dispose();
    }
    const listed = await listAgreesWithWatcher(folders);
    assert.ok(listed.includes('swapped-out'), listed.join(', '));
    assert.equal(await folders.isSkillFolder(folder), true);
  });

  test('a linked folder knows whether its draft changed since the version published from it', async () => {
    const folder = vscode.Uri.joinPath(scratch(), 'drafted-skill');
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'SKILL.md'),
      encoder.encode('---\nname: drafted-skill\ndescription: Drafted.\n---\n\nBody.\n'),
    );
    assert.equal(await folders.changedSincePublished(folder), undefined, 'nothing was published from it');

    const hash = await folders.draftHash(folder);
    await folders.links.set(folder, {
      skillId: 'skill_drafted',
      title: 'Drafted',
      published: { id: 'skillver_1', ref: 'skillver_1', hash, allowedSecrets: [] },
    });
    assert.equal(folders.link(folder)?.skillId, 'skill_drafted');
    assert.equal(await folders.changedSincePublished(folder), false);

    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'notes.md'), encoder.encode('A new file.\n'));
    assert.equal(await folders.changedSincePublished(folder), true);
  });

  test('each folder reads its own resource-scoped profile and upload limit: one SKILL.md lints two ways in two roots', async () => {
    const second = vscode.workspace.workspaceFolders?.[1];
    assert.ok(second, 'the integration workspace has a second root');
    const inFirst = vscode.Uri.joinPath(scratch(), 'dual-profile');
    const inSecond = vscode.Uri.joinPath(second.uri, 'dual-profile');
    // A key only Claude Code knows: an error under the API's profile (the default), nothing under Claude Code's.
    const text =
      '---\nname: dual-profile\ndescription: Checks per-folder settings. Use when a test asks.\nwhen_to_use: In tests.\n---\n\n# Dual\n';
    for (const folder of [inFirst, inSecond])
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'SKILL.md'), encoder.encode(text));
    try {
      await withLintSetting(inFirst, 'profile', 'claude-code', () =>
        withLintSetting(inSecond, 'uploadLimitMB', 1, async () => {
          assert.equal(folders.profileOf(inFirst), 'claude-code');
          assert.equal(folders.profileOf(inSecond), 'claude-api');
          assert.equal(folders.uploadLimitOf(inSecond), 1024 * 1024);
          assert.equal(folders.uploadLimitOf(inFirst), DEFAULT_UPLOAD_LIMIT_BYTES);
          // The linter reads the same settings through SkillFolders: each copy is linted under its own folder's profile.
          for (const folder of [inFirst, inSecond]) await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'SKILL.md'));
          await waitForRule(vscode.Uri.joinPath(inSecond, 'SKILL.md'), 'unknown-key');
          await waitForDiagnostics(vscode.Uri.joinPath(inFirst, 'SKILL.md'), (diagnostics) => diagnostics.length === 0);
        }),
      );
    } finally {
      await vscode.workspace.fs.delete(inSecond, { recursive: true, useTrash: false });
    }
  });
});
