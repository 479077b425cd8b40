import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparisonMarkdown } from '../../../src/core/evals/comparison';
import { parseOutputEvals, parseTriggerEvals } from '../../../src/core/evals/evalFiles';
import type { LoadedEvals } from '../../../src/core/evals/loadEvals';
import type { CaseRun } from '../../../src/core/evals/runEvals';

const evals: LoadedEvals = {
  skillFolder: '/skills/csv-cleaner',
  name: 'csv-cleaner',
  description: 'Cleans CSV files.',
  triggers: parseTriggerEvals(
    JSON.stringify([
      { query: 'Fix my CSV | headers', should_trigger: true },
      { query: 'Capital of France?', should_trigger: false },
    ]),
    't.json',
  ),
  outputs: parseOutputEvals(JSON.stringify({ evals: [{ id: 1, prompt: 'Clean it', expectations: ['a', 'b'] }] }), 'evals.json').evals,
  files: [],
};

function run(caseKey: string, configuration: CaseRun['configuration'], fields: Partial<CaseRun>): CaseRun {
  const kind = caseKey.startsWith('trigger') ? 'trigger' : 'output';
  return {
    kind,
    caseKey,
    configuration,
    runNumber: 1,
    passed: true,
    triggered: false,
    expectations: [],
    tokens: 0,
    toolCalls: 0,
    timeSeconds: 1,
    error: null,
    transcript: '',
    ...fields,
  };
}

describe('comparisonMarkdown', () => {
  it('puts precision, recall, pass rate and tokens of both versions side by side, then every case', () => {
    const met = (passed: boolean) => ({ text: 'x', passed, evidence: '' });
    const runs = [
      run('trigger-0', 'with_skill', { triggered: true }),
      run('trigger-1', 'with_skill', { triggered: false }),
      run('eval-1', 'with_skill', { expectations: [met(true), met(true)], tokens: 1000 }),
      run('trigger-0', 'old_skill', { triggered: false, passed: false }),
      run('trigger-1', 'old_skill', { triggered: true, passed: false }),
      run('eval-1', 'old_skill', { expectations: [met(true), met(false)], passed: false, tokens: 3000 }),
    ];
    const markdown = comparisonMarkdown({ evals, runs, versionA: 'v2', versionB: 'v1', runsPerCase: 1, model: 'claude-sonnet-5-5' });
    const lines = markdown.split('\n');
    assert.ok(lines.includes('| Trigger precision | 100% | 0% |'), markdown);
    assert.ok(lines.includes('| Trigger recall | 100% | 0% |'));
    assert.ok(lines.includes('| Output pass rate | 100% | 50% |'));
    assert.ok(lines.includes('| Tokens per output run | 1,000 | 3,000 |'));
    assert.ok(
      lines.includes('| Fix my CSV \\| headers | triggers | ✓ 1/1 triggered | ✗ 0/1 triggered |'),
      'a pipe in a query cannot break the table',
    );
    assert.ok(lines.includes('| #1 Clean it | ✓ 1/1 run passed (100% met) | ✗ 0/1 run passed (50% met) |'));
  });

  it('says n/a where a version has no runs of a kind', () => {
    const markdown = comparisonMarkdown({
      evals: { ...evals, outputs: [] },
      runs: [run('trigger-0', 'with_skill', { triggered: true })],
      versionA: 'v2',
      versionB: 'v1',
      runsPerCase: 1,
      model: 'm',
    });
    assert.ok(markdown.includes('| Output pass rate | n/a | n/a |'));
    assert.ok(markdown.includes('| Trigger recall | 100% | n/a |'));
  });
});
