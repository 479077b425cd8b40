import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  createWatchedFolder,
  ours,
  ruleOf,
  rulesOf,
  waitForDiagnostics,
  waitForRule,
  withLintSetting,
  workspaceRoot,
} from './support/diagnostics';
import { runCommand } from './support/commands';

/** A SKILL.md with one mistake: a title-case name (`name-format`, also `name-dir-mismatch`). */
const TITLE_CASE_NAME = [
  '---',
  'name: PDF Tools',
  'description: Extracts tables from PDF files. Use when the user mentions PDFs.',
  '---',
  '',
  '# PDF tools',
  '',
  'Read the file, find the tables, return them as CSV.',
  '',
].join('\n');

/** A valid SKILL.md for a folder named `pdf-tools`. */
const VALID = TITLE_CASE_NAME.replace('name: PDF Tools', 'name: pdf-tools');

/** The same skill with a key that only Claude Code knows (an error for the API, a warning for Claude Code). */
const WITH_CLAUDE_CODE_KEY = VALID.replace('---\n\n#', 'when_to_use: When a PDF is attached.\n---\n\n#');

/**
 * The code action titled `title` at `range`. The first request after a file is opened can come back empty in
 * code-server (it takes seconds and returns nothing while the workbench is still settling the new model), so the
 * request is repeated a few times, back to back, before giving up.
 */
async function codeActionTitled(uri: vscode.Uri, range: vscode.Range, title: string): Promise<vscode.CodeAction> {
  let titles: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
    const found = actions.find((action) => action.title === title);
    if (found) return found;
    titles = actions.map((action) => action.title);
  }
  assert.fail(`no code action "${title}" among: ${titles.join(', ')}`);
}

function rangeOf(diagnostic: vscode.Diagnostic): [number, number, number, number] {
  const { start, end } = diagnostic.range;
  return [start.line, start.character, end.line, end.character];
}

suite('SKILL.md language features', () => {
  /** A scratch folder under the workspace's `lint/`, created per test and deleted afterwards. */
  let scratch: vscode.Uri;
  let counter = 0;

  /** Writes `text` as `<scratch>/<folder>/<file>` and returns its URI. */
  async function writeSkill(folder: string, text: string | Uint8Array, file = 'SKILL.md'): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(scratch, folder, file);
    await vscode.workspace.fs.writeFile(uri, typeof text === 'string' ? new TextEncoder().encode(text) : text);
    return uri;
  }

  async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  }

  setup(() => {
    counter++;
    scratch = vscode.Uri.joinPath(workspaceRoot(), 'lint', `scratch-${counter}`);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(scratch, { recursive: true, useTrash: false });
  });

  test('reports rule ids with exact ranges, severities and a link to the rule docs', async () => {
    const uri = await writeSkill('pdf-tools', TITLE_CASE_NAME);
    await open(uri);
    const format = await waitForRule(uri, 'name-format');
    assert.deepEqual(rangeOf(format), [1, 6, 1, 15]);
    assert.equal(format.severity, vscode.DiagnosticSeverity.Error);
    const code = format.code;
    assert.ok(typeof code === 'object', 'the code carries a link');
    assert.equal(code.target.fragment, 'name-format');
    assert.match(code.target.path, /\/docs\/rules\.md$/);
    const mismatch = await waitForRule(uri, 'name-dir-mismatch');
    assert.equal(mismatch.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('a quick fix removes its diagnostic', async () => {
    const uri = await writeSkill('pdf-tools', TITLE_CASE_NAME);
    const editor = await open(uri);
    const format = await waitForRule(uri, 'name-format');
    const fix = await codeActionTitled(uri, format.range, 'Change `name` to `pdf-tools`');
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);
    const offered = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, format.range);
    const slugFixes = offered.filter((action) => action.edit?.get(uri).some((edit) => edit.newText === 'pdf-tools'));
    assert.deepEqual(
      slugFixes.map((action) => action.title),
      [fix.title],
      'both findings offer the slug; it is offered once',
    );
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(1).text, 'name: pdf-tools');
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0);
  });

  test('lints while typing', async () => {
    const uri = await writeSkill('pdf-tools', VALID);
    const editor = await open(uri);
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0);
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), 'author: me\n'));
    const unknown = await waitForRule(uri, 'unknown-key');
    assert.deepEqual(rangeOf(unknown), [3, 0, 3, 6]);
  });

  test('changing the lint profile changes the result', async () => {
    const uri = await writeSkill('pdf-tools', WITH_CLAUDE_CODE_KEY);
    await open(uri);
    const asError = await waitForRule(uri, 'unknown-key');
    assert.equal(asError.severity, vscode.DiagnosticSeverity.Error);
    await withLintSetting(uri, 'profile', 'claude-code', async () => {
      await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0);
    });
    const back = await waitForRule(uri, 'unknown-key');
    assert.equal(back.severity, vscode.DiagnosticSeverity.Error);
  });

  test('completes keys of the profile that are missing, and finite values, only in the frontmatter', async () => {
    const uri = await writeSkill('pdf-tools', VALID.replace('---\n\n#', '\n---\n\n#'));
    await open(uri);
    const keys = await completions(uri, new vscode.Position(3, 0));
    assert.ok(keys.includes('license'), `keys offered: ${keys.join(', ')}`);
    assert.ok(!keys.includes('name'), 'name is already present');
    assert.ok(!keys.includes('context'), 'context is a Claude Code key');
    assert.deepEqual(await completions(uri, new vscode.Position(7, 0)), [], 'nothing in the body');

    const withContext = await writeSkill('context-skill', VALID.replace('---\n\n#', 'context: \n---\n\n#'));
    await open(withContext);
    await withLintSetting(withContext, 'profile', 'claude-code', async () => {
      assert.deepEqual(await completions(withContext, new vscode.Position(3, 'context: '.length)), ['fork']);
    });
  });

  test('hovering a key explains it and shows its length against the limit', async () => {
    const uri = await writeSkill('pdf-tools', VALID);
    await open(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 3));
    const text = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
    assert.match(text, /at most 1,024 characters/);
    assert.match(text, /Length: 64 \/ 1,024 characters/);
  });

  test('code lenses show the description and body budgets', async () => {
    const uri = await writeSkill('pdf-tools', VALID);
    await open(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((lens) => `${lens.range.start.line}: ${lens.command?.title ?? ''}`);
    assert.ok(titles.includes('2: description 64 / 1,024 chars'), titles.join(' | '));
    assert.ok(
      titles.some((title) => /^4: body \d+ \/ 500 lines · ~\d+ \/ 5,000 tokens$/.test(title)),
      titles.join(' | '),
    );
  });

  test('a body over its budgets says so in its code lens', async () => {
    const uri = await writeSkill('pdf-tools', `${VALID}${'A line of the body that goes on for a while.\n'.repeat(600)}`);
    await open(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((lens) => lens.command?.title ?? '');
    assert.ok(titles.includes('body 604 / 500 lines (over budget) · ~6,767 / 5,000 tokens (over budget)'), titles.join(' | '));
  });

  test('Fix All applies every text fix as one edit', async () => {
    const uri = await writeSkill('pdf-tools', TITLE_CASE_NAME.replace('---\n\n#', 'author: me\n---\n\n#'));
    const editor = await open(uri);
    await waitForRule(uri, 'unknown-key');
    const sourceActions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.skillsmith',
    );
    assert.deepEqual(
      sourceActions.map((action) => action.kind?.value),
      ['source.fixAll.skillsmith'],
    );
    await vscode.commands.executeCommand('skillsmith.lint.fixAll', uri);
    assert.equal(editor.document.lineAt(1).text, 'name: pdf-tools');
    assert.doesNotMatch(editor.document.getText(), /^author:/m);
    await waitForDiagnostics(uri, (diagnostics) => !diagnostics.some((d) => ['name-format', 'unknown-key'].includes(ruleOf(d))));
  });

  test('a mis-cased skill.md is flagged; its quick fix renames it, which clears the diagnostic', async () => {
    const uri = await writeSkill('pdf-tools', VALID, 'skill.md');
    await open(uri);
    const flagged = await waitForRule(uri, 'skill-md-case');
    assert.deepEqual(rangeOf(flagged), [0, 0, 0, 0]);
    const rename = await codeActionTitled(uri, flagged.range, 'Rename the file to SKILL.md');
    assert.ok(rename.command);
    await runCommand(rename.command);
    const renamed = vscode.Uri.joinPath(uri, '..', 'SKILL.md');
    assert.deepEqual(
      (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(uri, '..'))).map(([name]) => name),
      ['SKILL.md'],
    );
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0);
    assert.deepEqual(rulesOf(renamed), []);
  });

  test('the rename-folder fix renames the skill folder, and refuses when the name is taken', async () => {
    const uri = await writeSkill('pdf-tools', VALID.replace('name: pdf-tools', 'name: pdf-kit'));
    await open(uri);
    const mismatch = await waitForRule(uri, 'name-dir-mismatch');
    const { command } = await codeActionTitled(uri, mismatch.range, 'Rename the folder to `pdf-kit`');
    assert.ok(command);
    const run = (): Thenable<boolean> => runCommand<boolean>(command);

    const taken = await writeSkill('pdf-kit', 'someone else', 'notes.txt');
    assert.equal(await run(), false, 'a folder named pdf-kit already exists');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(taken, '..'), { recursive: true, useTrash: false });

    assert.equal(await run(), true);
    const moved = vscode.Uri.joinPath(scratch, 'pdf-kit', 'SKILL.md');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), moved.toString(), 'the editor follows the rename');
    await waitForDiagnostics(moved, (diagnostics) => diagnostics.length === 0);
  });

  test('link-broken follows the folder: creating the linked file clears it', async () => {
    const uri = await writeSkill('pdf-tools', `${VALID}See [the reference](reference.md).\n`);
    await open(uri);
    const broken = await waitForRule(uri, 'link-broken');
    assert.deepEqual(rangeOf(broken), [8, 20, 8, 32]);
    // Created as the explorer would, through a workspace edit: its file event does not wait on the OS watcher,
    // which under load can miss a file written into a folder made a moment before.
    const create = new vscode.WorkspaceEdit();
    create.createFile(vscode.Uri.joinPath(uri, '..', 'reference.md'), { contents: new TextEncoder().encode('# Reference\n') });
    assert.ok(await vscode.workspace.applyEdit(create));
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0);
  });

  test('binary, huge and broken files cannot break the extension host', async () => {
    // No NUL byte: VS Code refuses to open a file with one as text (the workspace lint reads those, see below).
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => 1 + ((i * 7919 + 12) % 255));
    const binary = await writeSkill('binary', garbage);
    const huge = await writeSkill('huge', `---\nname: huge\ndescription: Big.\n---\n${'Some line of the body.\n'.repeat(100_000)}`);
    const broken = await writeSkill('broken', '---\nname: [broken\ndescription: Use when: x\n---\n\nBody.\n');
    for (const uri of [binary, huge, broken]) await open(uri);
    await waitForRule(binary, 'frontmatter-missing');
    await waitForRule(huge, 'body-too-long');
    await waitForRule(broken, 'yaml-syntax');

    const good = await writeSkill('pdf-tools', TITLE_CASE_NAME);
    await open(good);
    await waitForRule(good, 'name-format');
  });

  test('Lint All Skills in Workspace reports files that are not open', async () => {
    const unopened = vscode.Uri.joinPath(workspaceRoot(), 'lint', 'unopened-skill', 'SKILL.md');
    const misCased = await writeSkill('pdf-tools', VALID, 'Skill.md');
    const isOpen = (uri: vscode.Uri): boolean =>
      vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
    assert.ok(!isOpen(unopened) && !isOpen(misCased));
    await vscode.commands.executeCommand('skillsmith.lint.workspace');
    assert.deepEqual(rulesOf(misCased), ['skill-md-case']);
    assert.ok(rulesOf(unopened).includes('name-format'), `rules: ${rulesOf(unopened).join(', ')}`);
    const format = ours(unopened).find((d) => ruleOf(d) === 'name-format');
    assert.ok(format);
    assert.deepEqual(rangeOf(format), [1, 6, 1, 20]);
    const release = vscode.Uri.joinPath(workspaceRoot(), 'release-notes', 'SKILL.md');
    assert.deepEqual(rulesOf(release), [], 'the valid sample skill has no findings');
  });

  test('the Problems panel holds every skill folder, linted in the background without opening SKILL.md', async () => {
    const isOpen = (uri: vscode.Uri): boolean =>
      vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
    const broken = vscode.Uri.joinPath(workspaceRoot(), 'broken-example', 'SKILL.md');
    assert.ok(!isOpen(broken), 'the broken sample is not open');
    await waitForRule(broken, 'name-format');

    // A skill folder that appears is linted; a file written beside its SKILL.md lints it again.
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'lint', 'appearing-skill');
    const skillMd = vscode.Uri.joinPath(folder, 'SKILL.md');
    const linked = VALID.replace('name: pdf-tools', 'name: appearing-skill').replace(
      'return them as CSV.',
      'return them as CSV, as [the guide](guide.md) says.',
    );
    try {
      await createWatchedFolder(folder);
      await vscode.workspace.fs.writeFile(skillMd, new TextEncoder().encode(linked));
      await waitForRule(skillMd, 'link-broken');
      assert.ok(!isOpen(skillMd));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'guide.md'), new TextEncoder().encode('# Guide\n'));
      await waitForDiagnostics(skillMd, (found) => !found.some((diagnostic) => ruleOf(diagnostic) === 'link-broken'));
      assert.ok(!isOpen(skillMd), 'nothing was opened to lint it');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
    await waitForDiagnostics(skillMd, (found) => found.length === 0);
  });
});

/** The labels of Skillsmith's completion items at `position`. */
async function completions(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items
    .filter((item) => item.detail?.startsWith('Skillsmith'))
    .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}
