import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SkillsApiError } from '../../src/core/api';
import { noKeyError } from '../../src/core/api/errors';
import { EvalFileError } from '../../src/core/evals/evalFiles';
import { displayPath } from '../../src/extension/ui/displayPath';
import { errorMessage, noKeyMessage } from '../../src/extension/ui/errorMessage';

suite('Editor wording', () => {
  test("a missing key gets the editor's own hint on top of the neutral core message", () => {
    const said = errorMessage(new SkillsApiError('no-key', 'No Anthropic API key is set.'));
    assert.equal(said, 'No Anthropic API key is set. Run "Skillsmith: Set API Key…" or set the ANTHROPIC_API_KEY environment variable.');
    assert.equal(noKeyMessage(), said, 'the chat and the evals say it in the same words');
    assert.equal(errorMessage(noKeyError()), said);
    assert.equal(
      errorMessage(new SkillsApiError('server', 'The Skills API had a server error (500).')),
      'The Skills API had a server error (500).',
    );
    assert.match(errorMessage(new SkillsApiError('offline', 'Could not reach the Skills API.')), /skillsmith\.api\.baseUrl/);
  });

  test('paths are said relative to the workspace, and the workspace folder by its name', () => {
    const root = vscode.workspace.workspaceFolders?.[0];
    assert.ok(root, 'the tests run with a workspace folder open');
    assert.equal(displayPath(root.uri), root.name, 'not the absolute path of the workspace');
    assert.equal(displayPath(vscode.Uri.joinPath(root.uri, 'release-notes')), 'release-notes');
    assert.equal(displayPath(vscode.Uri.joinPath(root.uri, 'release-notes', 'SKILL.md')), 'release-notes/SKILL.md');
  });

  test('an eval file problem names the file relative to the workspace, as Tune and Compare show it', () => {
    const root = vscode.workspace.workspaceFolders?.[0];
    assert.ok(root, 'the tests run with a workspace folder open');
    const file = vscode.Uri.joinPath(root.uri, 'release-notes', 'evals', 'evals.json').fsPath;
    assert.equal(
      errorMessage(new EvalFileError(file, 'evals[2]', 'eval 3 has nothing to grade: add expectations, assertions or checks.')),
      'release-notes/evals/evals.json (evals[2]): eval 3 has nothing to grade: add expectations, assertions or checks.',
    );
  });
});
