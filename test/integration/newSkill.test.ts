import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const decoder = new TextDecoder();

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return folder.uri;
}

async function readText(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

suite('New Skill command', () => {
  const created: vscode.Uri[] = [];

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  });

  test('creates the folder from the template and opens its SKILL.md', async () => {
    const parent = workspaceRoot();
    const folder = await vscode.commands.executeCommand<vscode.Uri | undefined>('skillsmith.skill.new', {
      parent,
      name: 'fresh-skill',
      description: 'Makes fresh things. Use when asked for something fresh.',
      extras: ['scripts'],
    });
    assert.ok(folder, 'the command resolves to the new folder');
    created.push(folder);
    assert.equal(folder.toString(), vscode.Uri.joinPath(parent, 'fresh-skill').toString());

    const skillMd = await readText(vscode.Uri.joinPath(folder, 'SKILL.md'));
    assert.match(skillMd, /^---\nname: fresh-skill\ndescription: Makes fresh things\. Use when asked for something fresh\.\n---\n/);
    assert.match(await readText(vscode.Uri.joinPath(folder, 'scripts', 'example.py')), /def main/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, 'references'))));

    const active = vscode.window.activeTextEditor?.document.uri;
    assert.equal(active?.toString(), vscode.Uri.joinPath(folder, 'SKILL.md').toString());
  });

  test('never overwrites an existing folder', async () => {
    const parent = workspaceRoot();
    const folder = vscode.Uri.joinPath(parent, 'taken-skill');
    const marker = vscode.Uri.joinPath(folder, 'SKILL.md');
    await vscode.workspace.fs.writeFile(marker, new TextEncoder().encode('mine, do not touch'));
    created.push(folder);

    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('skillsmith.skill.new', { parent, name: 'taken-skill' });
    assert.equal(result, undefined);
    assert.equal(await readText(marker), 'mine, do not touch');
  });

  test('refuses an invalid name without creating anything', async () => {
    const parent = workspaceRoot();
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('skillsmith.skill.new', { parent, name: 'Bad Name' });
    assert.equal(result, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(parent, 'Bad Name'))));
  });
});
