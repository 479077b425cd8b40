import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SkillVersion } from '../../src/core/api/types';
import type { TestSeams } from '../../src/extension/exports';
import { versionPickItems } from '../../src/extension/ui/commonQuestions';
import type { EvalFeature } from '../../src/extension/evals/evalFeature';
import type { CaseReport } from '../../src/extension/evals/reportedRun';
import { editAndSave, openPublishSession, type PublishSession } from './support/publishSession';

const SKILL = 'csv-tidy';
const SKILL_MD = `---\nname: ${SKILL}\ndescription: Cleans and normalises CSV files. Use when a CSV has messy headers or encodings.\n---\n\n# CSV tidy\n\nRun the cleaner on the file.\n`;
const TRIGGERS = `[
  { "query": "Fix the messy headers in this CSV", "should_trigger": true },
  { "query": "What is the capital of France?", "should_trigger": false },
  { "query": "Tidy up my spreadsheet columns", "should_trigger": true }
]
`;
const OUTPUTS = `{
  "skill_name": "${SKILL}",
  "evals": [
    {
      "id": 1,
      "prompt": "Clean the messy CSV headers and create a report file",
      "expectations": ["The answer mentions 'emulator-report.md'"],
      "checks": [{ "type": "file_exists", "name": "emulator-report.md" }]
    },
    {
      "id": 2,
      "prompt": "Normalise the CSV encodings of data.csv",
      "files": ["evals/files/data.csv"],
      "checks": [{ "type": "contains", "value": "data.csv" }, { "type": "contains", "value": "no such words" }]
    }
  ]
}
`;

/** A test item's error as text, whether it was set as a string or as Markdown. */
function errorText(item: vscode.TestItem | undefined): string {
  const error = item?.error;
  return typeof error === 'string' ? error : (error?.value ?? '');
}

suite('Evals in the Test Explorer', () => {
  let session: PublishSession;
  let seams: TestSeams;
  let feature: EvalFeature;
  let folder: vscode.Uri;
  const confirmations: string[] = [];

  /** Settles once the tree has rebuilt the skill's items and `until` holds of them. */
  function rebuilt(until: () => boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const subscription = feature.tree.onDidChange((changed) => {
        if (changed.toString() !== folder.toString() || !until()) return;
        subscription.dispose();
        resolve();
      });
    });
  }

  suiteSetup(async () => {
    session = await openPublishSession('evals-explorer-tests');
    seams = (await vscode.extensions.getExtension<TestSeams>('skillsmith.skillsmith')?.activate())!;
    folder = session.skillFolder(SKILL, {
      'SKILL.md': SKILL_MD,
      'evals/trigger-evals.json': TRIGGERS,
      'evals/evals.json': OUTPUTS,
      'evals/files/data.csv': 'a,b\n1,2\n',
    });
    feature = seams.evals.feature();
    await feature.tree.rediscover();
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('skillsmith').update('evals.maxRequests', undefined, vscode.ConfigurationTarget.Global);
    await session.close();
  });

  setup(() => {
    confirmations.length = 0;
    session.prompts.confirm = (message) => {
      confirmations.push(message);
      return Promise.resolve(true);
    };
    session.prompts.preview = () => Promise.resolve(true);
    session.prompts.pickLink = () => Promise.resolve({ kind: 'new' });
    session.prompts.askDisplayName = (name) => Promise.resolve(name);
  });

  function skillItem(): vscode.TestItem {
    const item = seams.evals.controller.items.get(`skill:${folder.toString()}`);
    assert.ok(item, `the controller lists ${SKILL}`);
    return item;
  }

  function children(item: vscode.TestItem): vscode.TestItem[] {
    const list: vscode.TestItem[] = [];
    item.children.forEach((child) => list.push(child));
    return list;
  }

  /** The case item of `caseKey` in `file` (trigger-evals.json or evals.json). */
  function caseItem(file: string, caseKey: string): vscode.TestItem {
    const item = skillItem()
      .children.get(`file:${vscode.Uri.joinPath(folder, 'evals', file).toString()}`)
      ?.children.get(`case:${vscode.Uri.joinPath(folder, 'evals', file).toString()}#${caseKey}`);
    assert.ok(item, `${file} lists ${caseKey}`);
    return item;
  }

  function states(reports: readonly CaseReport[]): Record<string, string> {
    return Object.fromEntries(reports.map((report) => [report.id.slice(report.id.lastIndexOf('#') + 1), report.state]));
  }

  function run(
    include?: readonly vscode.TestItem[],
    mode: 'draft' | 'remote' = 'draft',
    token = new vscode.CancellationTokenSource().token,
  ): Promise<CaseReport[]> {
    return feature.run(new vscode.TestRunRequest(include ?? [skillItem()]), token, mode);
  }

  function resultFolders(): string[] {
    const results = path.join(folder.fsPath, 'evals', 'results');
    return fs.existsSync(results) ? fs.readdirSync(results).filter((name) => name !== '.gitignore') : [];
  }

  test("lists the skill folder's eval files and their cases, with ranges on the lines of each case", () => {
    const files = children(skillItem());
    assert.deepEqual(
      files.map((item) => [item.label, item.description]),
      [
        ['trigger-evals.json', 'trigger cases'],
        ['evals.json', 'output cases'],
      ],
    );
    const triggers = children(files[0]);
    // Everything in the label, no description: the Testing view's screen reader label is the description when there is one.
    assert.deepEqual(
      triggers.map((item) => [item.label, item.description, item.range?.start.line]),
      [
        ['Fix the messy headers in this CSV · should trigger', undefined, 1],
        ['What is the capital of France? · should not trigger', undefined, 2],
        ['Tidy up my spreadsheet columns · should trigger', undefined, 3],
      ],
    );
    assert.deepEqual(
      children(files[1]).map((item) => [item.label, item.range?.start.line]),
      [
        ['#1 Clean the messy CSV headers and create a report file', 3],
        ['#2 Normalise the CSV encodings of data.csv', 9],
      ],
    );
    assert.equal(triggers[0]?.uri?.toString(), vscode.Uri.joinPath(folder, 'evals', 'trigger-evals.json').toString());
  });

  test('an edited eval file updates its items; a broken one says what is wrong', async () => {
    const file = vscode.Uri.joinPath(folder, 'evals', 'trigger-evals.json');
    const triggerFile = () => skillItem().children.get(`file:${file.toString()}`);
    const problem = () => triggerFile()?.children.get(`problem:${file.toString()}`);
    // A save may be read half-written (an empty file) before it is read whole: wait for the error the edit makes.
    let changed = rebuilt(() => /should_trigger: must be true or false/.test(errorText(problem())));
    await editAndSave(file, '[\n  { "query": "y", "should_trigger": true },\n  { "query": "x" }\n]\n');
    await changed;
    assert.match(errorText(problem()), /\[1\]\.should_trigger: must be true or false/);
    assert.deepEqual([problem()?.label, problem()?.range?.start.line], ['Line 3', 2], 'the error is on the case, at its line');
    changed = rebuilt(() => /^Not valid JSON at 3:18/.test(errorText(problem())));
    await editAndSave(file, '[\n  { "query": "y", "should_trigger": true },\n  { "query": "x" "should_trigger": true }\n]\n');
    await changed;
    assert.equal(
      problem()?.error,
      "Not valid JSON at 3:18 (line 3, column 18): expected ',' or '}' after property value. Fix the file and save it again.",
      'a whole sentence, with the line and column, not cut',
    );
    changed = rebuilt(() => triggerFile()?.children.size === 3 && problem() === undefined);
    await editAndSave(file, TRIGGERS);
    await changed;
    assert.equal(problem(), undefined);
    assert.equal(triggerFile()?.error, undefined);
  });

  test('a case with nothing to grade is an error on that case, at its line, never a pass', async () => {
    const file = vscode.Uri.joinPath(folder, 'evals', 'evals.json');
    const outputFile = () => skillItem().children.get(`file:${file.toString()}`);
    const problem = () => outputFile()?.children.get(`problem:${file.toString()}`);
    let changed = rebuilt(() => /eval 3 has nothing to grade/.test(errorText(problem())));
    await editAndSave(file, OUTPUTS.replace('  ]\n}', '  ,\n    { "id": 3, "prompt": "Tidy the CSV" }\n  ]\n}'));
    await changed;
    assert.match(errorText(problem()), /eval 3 has nothing to grade: add expectations, assertions or checks/);
    assert.equal(problem()?.range?.start.line, OUTPUTS.split('\n').length - 2);
    changed = rebuilt(() => outputFile()?.children.size === 2 && problem() === undefined);
    await editAndSave(file, OUTPUTS);
    await changed;
    assert.equal(problem(), undefined);
  });

  test('a run of the draft publishes it first (after asking), then reports each case with its rate and a failure with its transcript', async () => {
    let outcome: unknown;
    session.prompts.preview = (preview) => {
      outcome = preview.title;
      return Promise.resolve(true);
    };
    const reports = await run();
    assert.deepEqual(
      states(reports),
      { 'trigger-0': 'passed', 'trigger-1': 'passed', 'trigger-2': 'failed', 'eval-1': 'passed', 'eval-2': 'failed' },
      JSON.stringify({ confirmations, outcome, reports }),
    );
    assert.equal(confirmations.length, 2, confirmations.join(' | '));
    assert.match(confirmations[0] ?? '', /csv-tidy is not published yet/);
    assert.match(confirmations[1] ?? '', /Run 5 eval cases of .*csv-tidy, 3 times each\?/);
    const link = session.publish.links.get(folder);
    assert.ok(link?.published, 'the draft was published and linked');
    const missed = reports.find((report) => report.id.endsWith('#trigger-2'));
    assert.match(missed?.message ?? '', /^0\/3 triggered; it should trigger in most runs\./);
    assert.match(missed?.message ?? '', /\n\nRuns 1, 2, 3:\n {2}The skill was not used\.\n/, 'runs that failed alike are told once');
    assert.match(missed?.message ?? '', /User: Tidy up my spreadsheet columns/, 'the failure carries the transcript');
    const unmet = reports.find((report) => report.id.endsWith('#eval-2'));
    assert.match(unmet?.message ?? '', /0\/3 runs passed/);
    assert.match(unmet?.message ?? '', /✗ The answer contains "no such words"/);
    assert.match(unmet?.message ?? '', /Your files are in the container: data\.csv/, 'the input file was uploaded and attached');
    assert.equal(caseItem('trigger-evals.json', 'trigger-0').label, '3/3 triggered · Fix the messy headers in this CSV · should trigger');
    assert.equal(resultFolders().length, 1, 'the results were written');
    assert.ok(fs.existsSync(path.join(folder.fsPath, 'evals', 'results', resultFolders()[0], 'benchmark.json')));
  });

  test('an unchanged draft runs against its linked version without asking to publish; an edited one asks again', async () => {
    const skillId = session.publish.links.get(folder)?.skillId;
    assert.ok(skillId);
    const versions = () => session.emulator.admin.store.find(skillId).versions.length;
    const before = versions();
    const one = [caseItem('trigger-evals.json', 'trigger-0')];
    assert.deepEqual(states(await run(one)), { 'trigger-0': 'passed' });
    assert.equal(confirmations.length, 1, 'only the cost question');
    assert.equal(versions(), before);
    await editAndSave(vscode.Uri.joinPath(folder, 'SKILL.md'), SKILL_MD.replace('Run the cleaner', 'Run the cleaner twice'));
    assert.deepEqual(states(await run(one)), { 'trigger-0': 'passed' });
    assert.match(confirmations[1] ?? '', /changed since its last published version/);
    assert.equal(versions(), before + 1);
  });

  test('a changed draft asks to publish first, then the cost once; nothing starts before the answers and the Testing view stays in front', async () => {
    const events: string[] = [];
    session.prompts.confirm = (message) => {
      events.push(`ask: ${message}`);
      return Promise.resolve(true);
    };
    session.prompts.preview = () => {
      events.push('publish preview');
      return Promise.resolve(true);
    };
    const { controller } = seams.evals;
    const createTestRun = controller.createTestRun.bind(controller);
    controller.createTestRun = (...args) => {
      events.push('run started');
      return createTestRun(...args);
    };
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    try {
      await editAndSave(vscode.Uri.joinPath(folder, 'SKILL.md'), SKILL_MD.replace('Run the cleaner', 'Run the cleaner once'));
      assert.deepEqual(states(await run([caseItem('trigger-evals.json', 'trigger-0')])), { 'trigger-0': 'passed' });
    } finally {
      controller.createTestRun = createTestRun;
    }
    assert.equal(events.length, 4, events.join(' | '));
    assert.match(events[0] ?? '', /^ask: .*csv-tidy (changed since its last published version|is not published yet)/);
    assert.match(events[1] ?? '', /^ask: Run 1 eval case of .*csv-tidy, 3 times each\?$/);
    assert.deepEqual(events.slice(2), ['publish preview', 'run started']);
    assert.equal(session.remote.treeView.visible, false, 'the publish did not switch the side bar to the Skills view');
  });

  test('a case whose runs partly errored is errored, its rate counting only the runs that completed', async () => {
    session.emulator.admin.injectFault({ method: 'POST', path: '/v1/messages', status: 400 });
    try {
      const reports = await run([caseItem('trigger-evals.json', 'trigger-0')]);
      assert.deepEqual(states(reports), { 'trigger-0': 'errored' }, JSON.stringify(reports));
      assert.match(reports[0]?.message ?? '', /^2\/2 triggered; 1 run did not complete; it should trigger in most runs\./);
      assert.equal(
        caseItem('trigger-evals.json', 'trigger-0').label,
        '2/2 triggered; 1 run did not complete · Fix the messy headers in this CSV · should trigger',
      );
    } finally {
      session.emulator.admin.clearFaults();
    }
  });

  test('a cancelled case is skipped and keeps no rate of an older run', async () => {
    const one = caseItem('trigger-evals.json', 'trigger-0');
    assert.deepEqual(states(await run([one])), { 'trigger-0': 'passed' });
    assert.equal(caseItem('trigger-evals.json', 'trigger-0').label, '3/3 triggered · Fix the messy headers in this CSV · should trigger');
    const source = new vscode.CancellationTokenSource();
    session.prompts.confirm = () => {
      source.cancel();
      return Promise.resolve(true);
    };
    assert.deepEqual(states(await run([one], 'draft', source.token)), { 'trigger-0': 'skipped' });
    assert.equal(caseItem('trigger-evals.json', 'trigger-0').label, 'Fix the messy headers in this CSV · should trigger');
  });

  test('declining the cost question skips the cases; cancelling the run aborts it and writes nothing', async () => {
    session.prompts.confirm = () => Promise.resolve(false);
    assert.deepEqual(Object.values(states(await run())), ['skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    const written = resultFolders().length;
    const source = new vscode.CancellationTokenSource();
    session.prompts.confirm = () => {
      source.cancel();
      return Promise.resolve(true);
    };
    assert.deepEqual(Object.values(states(await run(undefined, 'draft', source.token))), [
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
    assert.equal(resultFolders().length, written);
  });

  test('a run over the request cap is refused before anything is asked or sent', async () => {
    await vscode.workspace.getConfiguration('skillsmith').update('evals.maxRequests', 5, vscode.ConfigurationTarget.Global);
    try {
      const reports = await run();
      assert.deepEqual([...new Set(reports.map((report) => report.state))], ['errored']);
      assert.match(reports[0]?.message ?? '', /over the cap of 5.*skillsmith\.evals\.maxRequests/);
      assert.deepEqual(confirmations, []);
    } finally {
      await vscode.workspace.getConfiguration('skillsmith').update('evals.maxRequests', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test("a version pick shows each version's description as its detail, what tells apart versions of one minute", () => {
    const version = (ref: string, description: string): SkillVersion => ({
      id: ref,
      ref,
      version: null,
      skillId: 'skill_x',
      name: SKILL,
      description,
      directory: null,
      createdAt: '2026-12-06T20:17:03Z',
    });
    const items = versionPickItems(
      [version('skver_2', 'Cleans CSV files.\nUse when headers are messy.'), version('skver_1', 'Cleans CSV files.')],
      'skver_2',
      new Map([
        ['skver_2', 2],
        ['skver_1', 1],
      ]),
    );
    assert.deepEqual(
      items.map((item) => [item.description, item.detail]),
      [
        ['latest', 'Cleans CSV files. Use when headers are messy.'],
        [undefined, 'Cleans CSV files.'],
      ],
    );
  });

  test('the remote-version profile runs against the version picked; Compare Eval Results shows both versions side by side', async () => {
    const picked: string[] = [];
    session.prompts.pickVersion = (_title, versions) => {
      const version = versions.at(-1);
      if (version) picked.push(version.ref);
      return Promise.resolve(version);
    };
    const reports = await run([caseItem('trigger-evals.json', 'trigger-0')], 'remote');
    assert.deepEqual(states(reports), { 'trigger-0': 'passed' });
    assert.equal(picked.length, 1);
    const oldest = picked[0];
    session.prompts.pickVersion = (_title, versions) => Promise.resolve(versions[0]);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('skillsmith.evals.compareVersions', folder);
    assert.ok(uri, 'the comparison opened');
    assert.match(
      confirmations.at(-1) ?? '',
      /Run 5 eval cases of .*csv-tidy on 2 versions, 3 times each\?/,
      'the cases are counted once, the versions apart',
    );
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /^# Evals of csv-tidy: two versions/);
    assert.match(text, /\| Trigger precision \| 100% \| 100% \|/);
    assert.match(text, /\| Trigger recall \| 50% \| 50% \|/);
    assert.match(text, /\| Tidy up my spreadsheet columns \| triggers \| ✗ 0\/3 triggered \| ✗ 0\/3 triggered \|/);
    assert.match(text, /^A: v\d+ \(.*\d:\d\d:\d\d.*\) {2}$/m, 'version A is named by its label');
    assert.notEqual(oldest, '', 'the remote run used the oldest version');
  });
});
