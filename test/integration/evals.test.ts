import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return folder.uri;
}

/** Resolves with the diagnostics of `uri` once `accept` is true of them. */
function diagnosticsOf(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      subscription.dispose();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    check();
  });
}

suite('Evals: eval files in the editor', () => {
  const folder = vscode.Uri.joinPath(workspaceRoot(), 'eval-scaffold-skill');

  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'SKILL.md'),
      encoder.encode(
        '---\nname: eval-scaffold-skill\ndescription: Cleans and normalises CSV files. Use when a CSV has messy headers.\n---\n\n# Body\n',
      ),
    );
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  test('Create Eval Files writes both files from the description, opens the trigger set, and never overwrites', async () => {
    const written = await vscode.commands.executeCommand<vscode.Uri[]>(
      'skillsmith.evals.scaffold',
      vscode.Uri.joinPath(folder, 'SKILL.md'),
    );
    assert.deepEqual(
      written.map((uri) => uri.path.slice(folder.path.length)),
      ['/evals/trigger-evals.json', '/evals/evals.json'],
    );
    const triggers = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(written[0]))) as {
      query: string;
      should_trigger: boolean;
    }[];
    assert.deepEqual(triggers[0], { query: 'Can you clean and normalise CSV files?', should_trigger: true });
    assert.equal(vscode.window.activeTextEditor?.document.uri.path, written[0].path);
    await vscode.workspace.fs.writeFile(written[1], encoder.encode('{"evals": []}\n'));
    const again = await vscode.commands.executeCommand<vscode.Uri[]>('skillsmith.evals.scaffold', folder);
    assert.deepEqual(again, []);
    assert.equal(decoder.decode(await vscode.workspace.fs.readFile(written[1])), '{"evals": []}\n', 'an existing file is left alone');
  });

  test("the contributed schema validates an evals.json: a case's wrong field is marked", async () => {
    const file = vscode.Uri.joinPath(folder, 'evals', 'evals.json');
    await vscode.workspace.fs.writeFile(file, encoder.encode('{\n  "evals": [\n    { "id": "one", "prompt": "p" }\n  ]\n}\n'));
    await vscode.window.showTextDocument(file);
    const diagnostics = await diagnosticsOf(file, (list) => list.length > 0);
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.range.start.line === 2 && /integer/i.test(diagnostic.message)),
      diagnostics.map((d) => d.message).join('; '),
    );
  });
});
