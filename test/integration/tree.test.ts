import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createSkillsClient } from '../../src/core/api';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { exampleFiles } from '../../src/emulator/seed';
import type { TestSeams } from '../../src/extension/exports';
import type { FileNode } from '../../src/extension/tree/nodes/fileNode';
import type { TreeNode } from '../../src/extension/tree/nodes/treeNode';
import type { VersionNode } from '../../src/extension/tree/nodes/versionNode';
import type { RemoteSkills } from '../../src/extension/tree/registerRemoteSkills';
import { interactivePrompts, type Prompts } from '../../src/extension/ui/prompts';
import { runCommand } from './support/commands';
import { activateSeams } from './support/seams';

/** A key the emulator accepts; plainly not a real one. */
const TEST_KEY = 'skillsmith-integration-test-key';
const PAGE_SIZE = 2;

/**
 * Resolves with the next `onDidChangeTreeData` node that `matches`. Subscribe before the action that fires it.
 * The test bundle holds its own copies of the node classes, so nodes are matched by `id`, never `instanceof`.
 */
function nextChange(remote: RemoteSkills, matches: (node: TreeNode | undefined) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const subscription = remote.tree.onDidChangeTreeData((node) => {
      if (!matches(node)) return;
      subscription.dispose();
      resolve();
    });
  });
}

/** Answers every confirmation with `answer`; returns the messages asked, in order. */
function answerConfirms(prompts: Prompts, answer: boolean): string[] {
  const asked: string[] = [];
  prompts.confirm = (message) => {
    asked.push(message);
    return Promise.resolve(answer);
  };
  return asked;
}

/** A one-file skill folder named `name`. */
function folderOf(name: string) {
  return exampleFiles(name, `Does ${name} things. Use when testing.`);
}

async function children(remote: RemoteSkills, node?: TreeNode): Promise<TreeNode[]> {
  return remote.tree.getChildren(node);
}

function labelOf(node: TreeNode): string {
  const label = node.toTreeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** The kind of a node, by its id prefix (the bundle's classes differ from the extension's). */
function kindOf(node: TreeNode): string {
  return node.id.slice(0, node.id.indexOf(':'));
}

async function group(remote: RemoteSkills, source: 'custom' | 'anthropic'): Promise<TreeNode> {
  const found = (await children(remote)).find((node) => node.id === `group:${source}`);
  assert.ok(found, `the ${source} group is shown`);
  return found;
}

async function skillNamed(remote: RemoteSkills, title: string): Promise<TreeNode> {
  const custom = await group(remote, 'custom');
  let nodes = await children(remote, custom);
  while (!nodes.some((node) => labelOf(node) === title) && nodes.some((node) => node.id.endsWith(':more'))) {
    await vscode.commands.executeCommand('skillsmith.tree.loadMore', custom);
    nodes = await children(remote, custom);
  }
  const found = nodes.find((node) => labelOf(node) === title);
  assert.ok(found, `the skill "${title}" is listed`);
  return found;
}

suite('Remote skills tree', () => {
  let emulator: RunningEmulator;
  let remote: RemoteSkills;
  let seams: TestSeams;
  const envKey = process.env.ANTHROPIC_API_KEY;
  const settings = () => vscode.workspace.getConfiguration('skillsmith');

  suiteSetup(async () => {
    seams = await activateSeams();
    remote = seams.remoteSkills;
    delete process.env.ANTHROPIC_API_KEY;
    emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: true, apiKey: TEST_KEY });
    await settings().update('api.baseUrl', emulator.url, vscode.ConfigurationTarget.Global);
    await settings().update('tree.pageSize', PAGE_SIZE, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('skillsmith.auth.signOut');
  });

  suiteTeardown(async () => {
    Object.assign(seams.prompts, interactivePrompts);
    await vscode.commands.executeCommand('skillsmith.auth.signOut');
    await settings().update('api.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('tree.pageSize', undefined, vscode.ConfigurationTarget.Global);
    if (envKey !== undefined) process.env.ANTHROPIC_API_KEY = envKey;
    await emulator.close();
  });

  test('without a key the view is signed out and shows the welcome, not items', async () => {
    assert.equal(await remote.auth.update(), 'signedOut');
    assert.deepEqual(await children(remote), []);
  });

  test('setting a key through the command signs in and fills both groups, a page at a time', async () => {
    let rejectedEmpty: string | undefined;
    seams.prompts.askApiKey = (validate) => {
      rejectedEmpty = validate('');
      return Promise.resolve(TEST_KEY);
    };
    const redrawn = nextChange(remote, (node) => node === undefined);
    await vscode.commands.executeCommand('skillsmith.auth.setKey');
    await redrawn;
    assert.ok(rejectedEmpty, 'an empty key is refused by the input box validation');
    assert.equal(remote.auth.state, 'signedIn');

    const roots = await children(remote);
    assert.deepEqual(
      roots.map((node) => node.id),
      ['group:custom', 'group:anthropic'],
    );
    assert.equal(remote.tree.state, 'ok');
    const custom = await children(remote, roots[0]);
    assert.equal(custom.filter((node) => kindOf(node) === 'skill').length, PAGE_SIZE);
    assert.ok(custom.at(-1)?.id.endsWith(':more'), 'a "Load more…" node ends a partial page');
    assert.equal(labelOf(custom.at(-1)!), 'Load more…');

    const grown = nextChange(remote, (node) => node?.id === 'group:custom');
    await vscode.commands.executeCommand('skillsmith.tree.loadMore', roots[0]);
    await grown;
    const all = await children(remote, roots[0]);
    assert.deepEqual(all.map(labelOf).sort(), ['Brand voice', 'CSV cleaner', 'Release notes']);
    const anthropic = await children(remote, roots[1]);
    const item = anthropic[0].toTreeItem();
    assert.match(String(item.contextValue), /\bskill\b/);
    assert.match(String(item.contextValue), /\banthropic\b/);
    assert.doesNotMatch(String(item.contextValue), /deletable/, 'Anthropic skills cannot be deleted');
    assert.match(String(all[0].toTreeItem().contextValue), /^skill custom deletable$/);
    const tooltip = all[0].toTreeItem().tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.notEqual(tooltip.isTrusted, true, 'tooltips from the service are untrusted');
    const skillId = all[0].id.slice('skill:'.length);
    assert.ok(tooltip.value.replace(/\\/g, '').includes(skillId), 'the tooltip names the id (Markdown-escaped)');
    assert.match(tooltip.value, /ago/, 'dates are relative as well as ISO');
  });

  test('the tree asks AuthContext whether there is a key: the key store is read once per change', async () => {
    const { keys } = seams;
    const read = keys.get.bind(keys);
    let reads = 0;
    keys.get = () => {
      reads += 1;
      return read();
    };
    try {
      const browse = async () => {
        const [custom] = await children(remote);
        await children(remote, custom);
        await vscode.commands.executeCommand('skillsmith.tree.refresh');
        await vscode.commands.executeCommand('skillsmith.tree.refresh');
        await children(remote);
      };
      await browse();
      assert.equal(reads, 0, 'nothing changed since the key was published: expanding and refreshing never read the store');

      const reset = nextChange(remote, (node) => node === undefined);
      await settings().update('api.workspaceId', 'wrkspc_tree_test', vscode.ConfigurationTarget.Global);
      await reset;
      await browse();
      // One read publishes the change (AuthContext), one makes the new client; the tree adds none.
      assert.equal(reads, 2, 'the change was read once by AuthContext and once by the new client');
      await browse();
      assert.equal(reads, 2, 'browsing after the change reads the store no more');
    } finally {
      keys.get = read;
      const restored = nextChange(remote, (node) => node === undefined);
      await settings().update('api.workspaceId', undefined, vscode.ConfigurationTarget.Global);
      await restored;
    }
  });

  test('a skill expands to its versions, newest first, paginated; getParent walks back up', async () => {
    const skill = await skillNamed(remote, 'Brand voice');
    const firstPage = await children(remote, skill);
    assert.equal(firstPage.filter((node) => kindOf(node) === 'version').length, PAGE_SIZE);
    const more = firstPage.at(-1)!;
    assert.ok(more.id.endsWith(':more'));
    const grown = nextChange(remote, (node) => node?.id === skill.id);
    const showMore = more.toTreeItem().command;
    assert.ok(showMore, 'the more item runs a command');
    await runCommand(showMore);
    await grown;
    let versions = await children(remote, skill);
    while (versions.at(-1)?.id.endsWith(':more')) {
      await vscode.commands.executeCommand('skillsmith.tree.loadMore', skill);
      versions = await children(remote, skill);
    }
    assert.equal(versions.length, 4);
    assert.ok(versions.every((node) => kindOf(node) === 'version'));
    const dates = versions.map((node) => (node as VersionNode).version.createdAt);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    assert.match(String(versions[0].toTreeItem().description), /latest/);
    assert.equal(remote.tree.getParent(versions[0]), skill);
    assert.equal(remote.tree.getParent(skill)?.id, 'group:custom');
  });

  test('a version expands to its files, which open read-only', async () => {
    const skill = await skillNamed(remote, 'Release notes');
    const [version] = await children(remote, skill);
    assert.ok(version && kindOf(version) === 'version');
    const [folder] = await children(remote, version);
    assert.ok(folder && kindOf(folder) === 'file');
    const files = await children(remote, folder);
    const skillMd = files.find((node) => (node as FileNode).path.endsWith('/SKILL.md'));
    assert.ok(skillMd, `SKILL.md is listed among ${files.map((node) => node.id).join(', ')}`);
    assert.ok(
      files.some((node) => (node as FileNode).path.endsWith('/templates')),
      'subfolders are listed',
    );
    assert.equal(remote.tree.getParent(skillMd), folder);

    const uri = (skillMd as FileNode).uri;
    assert.equal(uri.scheme, 'skillsmith-remote');
    assert.ok(
      uri.path.startsWith(`/Release notes/${labelOf(version)}/release-notes/`),
      `breadcrumbs read as the tree does (display name, version date), not ids: ${uri.path}`,
    );
    assert.doesNotMatch(uri.path, /skill_|skver_|skillver_/);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^---\nname: release-notes/);
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('changed'))),
      (error: unknown) => error instanceof vscode.FileSystemError && error.code === 'NoPermissions',
    );

    const opened = new Promise<vscode.TextEditor | undefined>((resolve) => {
      const subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.scheme !== 'skillsmith-remote') return;
        subscription.dispose();
        resolve(editor);
      });
    });
    await vscode.commands.executeCommand('skillsmith.version.openSkillMd', version);
    const editor = await opened;
    assert.equal(editor?.document.uri.path, uri.path);
    assert.match(editor?.document.getText() ?? '', /name: release-notes/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('download writes the version into a picked folder and asks before overwriting', async () => {
    const skill = await skillNamed(remote, 'CSV cleaner');
    const [version] = await children(remote, skill);
    const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'skillsmith-download-'));
    seams.prompts.pickFolder = () => Promise.resolve(vscode.Uri.file(destination));
    await vscode.commands.executeCommand('skillsmith.version.download', version);
    assert.match(fs.readFileSync(path.join(destination, 'csv-cleaner', 'SKILL.md'), 'utf8'), /name: csv-cleaner/);
    assert.deepEqual([...fs.readFileSync(path.join(destination, 'csv-cleaner', 'assets', 'sample.bin'))], [0, 1, 2, 253, 254, 255]);

    fs.writeFileSync(path.join(destination, 'csv-cleaner', 'SKILL.md'), 'mine');
    const asked = answerConfirms(seams.prompts, false);
    await vscode.commands.executeCommand('skillsmith.version.download', version);
    assert.equal(asked.length, 1);
    assert.match(asked[0], /already exist/);
    assert.equal(fs.readFileSync(path.join(destination, 'csv-cleaner', 'SKILL.md'), 'utf8'), 'mine', 'nothing overwritten');
    fs.rmSync(destination, { recursive: true, force: true });
  });

  test('deleting a version asks, names it, and redraws only its skill', async () => {
    const skill = await skillNamed(remote, 'Release notes');
    const before = (await children(remote, skill)).filter((node) => kindOf(node) === 'version') as VersionNode[];
    const target = before[0];
    const asked = answerConfirms(seams.prompts, true);
    const redrawn = nextChange(remote, (node) => node?.id === skill.id);
    await vscode.commands.executeCommand('skillsmith.version.delete', target);
    await redrawn;
    assert.equal(asked.length, 1);
    const label = labelOf(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(
      asked[0] ?? '',
      new RegExp(`^Delete version ${label}( \\(.*\\))? of "Release notes"\\?$`),
      'named as the row is (with its time when the row shows its ordinal), not by id',
    );
    const after = await children(remote, skill);
    assert.ok(!after.some((node) => node.id === target.id), 'the deleted version is gone');
    const stored = emulator.admin.store.list('custom').find((entry) => entry.displayName === 'Release notes');
    assert.equal(stored?.versions.length, 2);
  });

  test('deleting a skill that still has versions offers to delete them first', async () => {
    const skill = await skillNamed(remote, 'CSV cleaner');
    const asked = answerConfirms(seams.prompts, true);
    const custom = await group(remote, 'custom');
    const redrawn = nextChange(remote, (node) => node?.id === custom.id);
    await vscode.commands.executeCommand('skillsmith.skill.delete', skill);
    await redrawn;
    assert.equal(asked.length, 2, asked.join(' | '));
    assert.match(asked[0], /Delete skill "CSV cleaner"/);
    assert.match(asked[1], /still has 2 versions/);
    assert.ok(!(await children(remote, custom)).some((node) => node.id === skill.id));
    assert.ok(!emulator.admin.store.list('custom').some((entry) => entry.displayName === 'CSV cleaner'));
  });

  test('a 500 on refresh keeps the last good items and says what failed; the next refresh recovers', async () => {
    const custom = await group(remote, 'custom');
    const before = (await children(remote, custom)).map((node) => node.id);
    emulator.admin.injectFault({ method: 'GET', path: '/v1/skills', status: 500, times: 1000 });
    const flagged = nextChange(remote, (node) => node?.id === custom.id);
    await vscode.commands.executeCommand('skillsmith.tree.refresh');
    await flagged;
    emulator.admin.clearFaults();
    const during = await children(remote, custom);
    assert.deepEqual(
      during.filter((node) => kindOf(node) === 'skill').map((node) => node.id),
      before.filter((id) => id.startsWith('skill:')),
    );
    assert.ok(!during.some((node) => node.id.endsWith(':error')), 'no row repeats what the message says');
    assert.equal(custom.toTreeItem().description, 'not refreshed');
    assert.equal(remote.tree.state, 'ok');
    assert.match(remote.treeView.message ?? '', /^Could not load the skills: .*\(500\)/, 'the view says once what failed');
    assert.equal(remote.treeView.message?.split('Could not load').length, 2, remote.treeView.message);
    assert.equal((await children(remote)).length, 2, 'the groups stay');

    const cleared = nextChange(remote, (node) => node?.id === custom.id);
    await vscode.commands.executeCommand('skillsmith.tree.refresh');
    await cleared;
    assert.ok(!(await children(remote, custom)).some((node) => node.id.endsWith(':error')));
    assert.equal(remote.treeView.message, undefined);
  });

  test('a refresh fires only the nodes whose data changed', async () => {
    const fired: Array<string | undefined> = [];
    const subscription = remote.tree.onDidChangeTreeData((node) => fired.push(node?.id));
    try {
      await vscode.commands.executeCommand('skillsmith.tree.refresh');
      assert.deepEqual(fired, [], 'nothing changed, nothing redrawn');
      const renamed = await skillNamed(remote, 'Brand voice');
      const stored = emulator.admin.store.list('custom').find((entry) => entry.displayName === 'Brand voice');
      assert.ok(stored);
      stored.displayName = 'Brand voice (renamed)';
      stored.updatedAt = new Date().toISOString();
      await vscode.commands.executeCommand('skillsmith.tree.refresh');
      assert.deepEqual(fired, [renamed.id]);
      assert.equal(labelOf(renamed), 'Brand voice (renamed)');
    } finally {
      subscription.dispose();
    }
  });

  test('when nothing could load, the view is empty and has no message, so its error welcome shows; Retry fills it', async () => {
    emulator.admin.injectFault({ method: 'GET', path: '/v1/skills', status: 500, times: 1000 });
    const cleared = nextChange(remote, (node) => node === undefined);
    await settings().update('tree.pageSize', PAGE_SIZE + 1, vscode.ConfigurationTarget.Global);
    await cleared;
    assert.deepEqual(await children(remote), []);
    assert.equal(remote.tree.state, 'error');
    assert.equal(remote.treeView.message, undefined, 'VS Code hides welcome content while a view has a message');
    assert.equal(remote.tree.errorWelcome, 'server', 'a 500 picks the server-error welcome');
    emulator.admin.clearFaults();
    const retried = nextChange(remote, (node) => node === undefined);
    await vscode.commands.executeCommand('skillsmith.tree.refresh');
    await retried;
    assert.equal((await children(remote)).length, 2);
    assert.equal(remote.tree.state, 'ok');
    assert.equal(remote.tree.errorWelcome, undefined);
  });

  test('a skill and a version created elsewhere (publish) are added in place and can be revealed and selected', async () => {
    const client = createSkillsClient({ apiKey: TEST_KEY, baseUrl: emulator.url, maxRetries: 0 });
    const created = await client.createSkill(folderOf('published-skill'), 'Published skill');
    const custom = await group(remote, 'custom');
    const groupRedrawn = nextChange(remote, (node) => node?.id === custom.id);
    const skillNode = await remote.tree.skillAdded(created);
    await groupRedrawn;
    assert.equal(skillNode?.id, `skill:${created.id}`);
    assert.equal((await children(remote, custom))[0]?.id, skillNode?.id, 'the new skill is listed first, as the service lists it');
    await remote.treeView.reveal(skillNode, { select: true, focus: true });
    assert.deepEqual(
      remote.treeView.selection.map((node) => node.id),
      [skillNode.id],
    );

    const version = await client.createVersion(created.id, folderOf('published-skill'));
    const fired: Array<string | undefined> = [];
    const subscription = remote.tree.onDidChangeTreeData((node) => fired.push(node?.id));
    const versionNode = await remote.tree.versionAdded(created.id, version);
    subscription.dispose();
    assert.deepEqual(fired, [skillNode.id], 'only the skill is redrawn');
    assert.ok(versionNode);
    await remote.treeView.reveal(versionNode, { select: true, focus: true });
    assert.deepEqual(
      remote.treeView.selection.map((node) => node.id),
      [versionNode.id],
    );
    const versions = await children(remote, skillNode);
    assert.equal(versions[0]?.id, versionNode.id);
    assert.match(String(versions[0]?.toTreeItem().description), /^latest/, 'the skill was read again: the new version is its latest');
    assert.equal(versions.length, 2);
  });

  test('a skill whose versions were all deleted says so instead of expanding to nothing', async () => {
    const skill = await skillNamed(remote, 'Published skill');
    answerConfirms(seams.prompts, true);
    for (const version of (await children(remote, skill)).filter((node) => kindOf(node) === 'version')) {
      const redrawn = nextChange(remote, (node) => node?.id === skill.id);
      await vscode.commands.executeCommand('skillsmith.version.delete', version);
      await redrawn;
    }
    const item = skill.toTreeItem();
    assert.equal(item.description, 'no versions');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.deepEqual(await children(remote, skill), []);
  });

  test('signing out empties the view into its signed-out welcome', async () => {
    const redrawn = nextChange(remote, (node) => node === undefined);
    await vscode.commands.executeCommand('skillsmith.auth.signOut');
    await redrawn;
    assert.equal(remote.auth.state, 'signedOut');
    assert.deepEqual(await children(remote), []);
  });
});
