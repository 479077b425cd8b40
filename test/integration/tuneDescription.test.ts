import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TuneOutcome } from '../../src/extension/evals/tuneDescriptionCommand';
import { openPublishSession, type PublishSession } from './support/publishSession';

/** A skill whose description misses half of what it should catch (core's tuning fixture). */
const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'evals', 'csv-tidy');

suite('Tune Skill Description', () => {
  let session: PublishSession;
  let folder: vscode.Uri;
  let original = '';
  const asked: string[] = [];

  suiteSetup(async () => {
    session = await openPublishSession('tune-description-tests');
    original = fs.readFileSync(path.join(FIXTURE, 'SKILL.md'), 'utf8');
    folder = session.skillFolder('csv-tidy', {
      'SKILL.md': original,
      'evals/trigger-evals.json': fs.readFileSync(path.join(FIXTURE, 'evals', 'trigger-evals.json'), 'utf8'),
    });
    await vscode.workspace.getConfiguration('skillsmith').update('evals.runs', 2, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('skillsmith').update('evals.runs', undefined, vscode.ConfigurationTarget.Global);
    await session.close();
  });

  test("asks the cost first, measures the typed and the model's candidates, shows the table, applies the winner in one undoable edit, leaves no temporary skill", async () => {
    const before = session.emulator.admin.store
      .list('custom')
      .map((item) => item.id)
      .sort();
    session.prompts.askText = () => Promise.resolve('A skill.\n');
    session.prompts.confirm = (message, detail, action) => {
      asked.push(`${message} ${detail} [${action}]`);
      return Promise.resolve(true);
    };
    const outcome = await vscode.commands.executeCommand<TuneOutcome | undefined>('skillsmith.evals.tuneDescription', folder);
    assert.ok(outcome, 'the tuning ran');
    assert.match(asked[0] ?? '', /^Tune the description of .*csv-tidy\? .*up to \d[\d,]* requests.* \[Tune\]$/);
    const table = (await vscode.workspace.openTextDocument(outcome.table)).getText();
    assert.match(table, /^# Tuning the description of csv-tidy/);
    assert.match(table, /\| Cleans messy CSV files\. \| current \|/);
    assert.match(table, /\| A skill\. \| yours \|/);
    assert.match(table, /\| model \|/);
    assert.match(table, /Dropped ".*&lt;b&gt;/, 'a proposed tag is shown as typed, never rendered');
    assert.match(table, /★ The winner on the holdout cases\./);
    assert.deepEqual(
      session.emulator.admin.store
        .list('custom')
        .map((item) => item.id)
        .sort(),
      before,
      'every temporary skill is gone, the others untouched',
    );
    assert.match(asked[1] ?? '', /Use the tuned description in .*csv-tidy\?.*\[Apply\]$/);
    assert.ok(outcome.applied);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'SKILL.md'));
    assert.ok(document.getText().includes(outcome.winner), document.getText());
    assert.equal(
      document.getText().replace(/^description: .*$/m, ''),
      original.replace(/^description: .*$/m, ''),
      'only the description changed',
    );
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one undo restores it');
    await document.save();
  });
});
