import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createSkillsClient } from '../../../src/core/api/client';
import { parseTriggerEvals } from '../../../src/core/evals/evalFiles';
import { CostCapError } from '../../../src/core/evals/plan';
import { candidateProblem, withDescription } from '../../../src/core/evals/tune/candidateDescription';
import { splitCases } from '../../../src/core/evals/tune/split';
import { pickWinner, tuneDescription, type TuneOptions } from '../../../src/core/evals/tune/tuneDescription';
import type { Measurement } from '../../../src/core/evals/tune/measureDescription';
import { emulatorForSuite, TEST_KEY } from '../emulator/support';

/** A skill whose description misses half of what it should catch: "tidy", "spreadsheet" and "encoding" are not in it. */
const TUNE_FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'evals', 'csv-tidy');

describe('description tuning through the API', () => {
  const env = emulatorForSuite({ seed: true });
  let folder = '';
  let originalSkillMd = '';
  let triggersJson = '';
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'skillsmith-tune-'));
    await cp(TUNE_FIXTURE, path.join(folder, 'csv-tidy'), { recursive: true });
    originalSkillMd = await readFile(path.join(TUNE_FIXTURE, 'SKILL.md'), 'utf8');
    triggersJson = await readFile(path.join(TUNE_FIXTURE, 'evals', 'trigger-evals.json'), 'utf8');
  });
  after(() => rm(folder, { recursive: true, force: true }));
  const skill = (): string => path.join(folder, 'csv-tidy');
  const client = () => createSkillsClient({ apiKey: TEST_KEY, baseUrl: env.emulator.url, maxRetries: 0 });
  const options = (extra: Partial<TuneOptions> = {}): TuneOptions => ({
    model: 'claude-sonnet-5-5',
    maxTokens: 1024,
    runs: 2,
    seed: 7,
    ...extra,
  });
  const skillIds = (): string[] =>
    env.emulator.admin.store
      .list('custom')
      .map((item) => item.id)
      .sort();

  it('splits stratified by should_trigger, seeded: the same seed gives the same split, another seed another', () => {
    const cases = parseTriggerEvals(triggersJson, 't.json');
    const split = splitCases(cases, 0.4, 7);
    assert.deepEqual([split.train.length, split.holdout.length], [6, 4]);
    assert.deepEqual(split.holdout.map((item) => item.shouldTrigger).sort(), [false, false, true, true]);
    assert.deepEqual(splitCases(cases, 0.4, 7), split);
    assert.notDeepEqual(
      splitCases(cases, 0.4, 8).holdout.map((item) => item.index),
      split.holdout.map((item) => item.index),
    );
  });

  it('a candidate must be lint-clean for claude-api; the edit changes the description and nothing else', () => {
    assert.equal(candidateProblem(originalSkillMd, 'Tidies CSV files.'), null);
    assert.match(candidateProblem(originalSkillMd, 'x'.repeat(1025)) ?? '', /1024|1,024/);
    assert.match(candidateProblem(originalSkillMd, 'Cleans <b>CSV</b>') ?? '', /XML|tag/i);
    assert.equal(
      withDescription(originalSkillMd, 'Tidies: CSV files.'),
      originalSkillMd.replace('Cleans messy CSV files.', '"Tidies: CSV files."'),
    );
  });

  it("measures the current description, then the user's and the model's candidates; picks the winner on holdout; deletes every temporary skill", async () => {
    const before = skillIds();
    const events: string[] = [];
    const result = await tuneDescription(
      env.sdk,
      client(),
      skill(),
      options({ candidates: ['Cleans messy CSV files.', 'A skill.'], onEvent: (event) => events.push(event.type) }),
    );
    assert.deepEqual(skillIds(), before, 'no temporary skill is left, and the others are untouched');
    assert.deepEqual(result.leftBehind, []);
    assert.equal(result.current.description, 'Cleans messy CSV files.');
    const [round] = result.rounds;
    assert.deepEqual(
      round?.measurements.map((item) => [item.source, item.description.slice(0, 40)]),
      [
        ['user', 'A skill.'],
        ['model', 'Cleans messy CSV files. Use it also for '],
        ['model', 'Cleans messy CSV.'],
      ],
    );
    assert.deepEqual(
      round?.dropped.map((item) => item.description),
      ['<b>Cleans messy CSV files.</b>'],
      'the candidate with an XML tag is dropped with its reason',
    );
    assert.match(round?.dropped[0]?.reason ?? '', /XML|tag/i);
    assert.match(result.winner.description, /^Cleans messy CSV files\. Use it also for /, 'the wider description wins on holdout');
    assert.ok((result.winner.holdout?.recall ?? 0) > (result.current.holdout?.recall ?? 1));
    assert.ok(
      round?.measurements.some((item) => item.stopped !== null),
      'a clearly beaten candidate is stopped on train',
    );
    assert.ok(result.requestsSent < result.naiveRequests, `${result.requestsSent} sent, under the naive ${result.naiveRequests}`);
    assert.equal(events[0], 'plan');
    const again = await tuneDescription(env.sdk, client(), skill(), options({ candidates: ['Cleans messy CSV files.', 'A skill.'] }));
    assert.equal(again.winner.description, result.winner.description, 'deterministic against the emulator');
  });

  it('with nothing usable from the model and no candidate of the user, says so', async () => {
    env.emulator.admin.injectFault({ path: '/v1/messages', status: 500, times: 1, method: 'POST' });
    const result = await tuneDescription(
      env.sdk,
      client(),
      skill(),
      options({
        runs: 1,
        concurrency: 1,
        rounds: 1,
        onEvent: (event) => {
          if (event.type === 'measuring' && event.source === 'current') env.emulator.admin.clearFaults();
          if (event.type === 'measured' && event.measurement.source === 'current')
            env.emulator.admin.injectFault({ path: '/v1/messages', status: 500, times: 1, method: 'POST' });
        },
      }),
    );
    assert.equal(result.noCandidates, true);
    assert.match(result.rounds[0]?.proposalProblem ?? '', /^the request failed/);
  });

  it('deletes its temporary skills when cancelled, and when the API fails mid-way', async () => {
    const before = skillIds();
    const controller = new AbortController();
    const cancelled = await tuneDescription(
      env.sdk,
      client(),
      skill(),
      options({
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'measuring' && event.source !== 'current') controller.abort();
        },
      }),
    );
    assert.equal(cancelled.cancelled, true);
    assert.deepEqual(skillIds(), before);
    env.emulator.admin.injectFault({ path: '/v1/skills', method: 'POST', status: 500, times: 1 });
    await assert.rejects(tuneDescription(env.sdk, client(), skill(), options({ candidates: ['Tidies CSV files.'] })));
    assert.deepEqual(skillIds(), before);
  });

  it('refuses a tuning over the cap before anything is sent', async () => {
    let sent = 0;
    const stop = env.emulator.admin.onRequest(() => sent++);
    try {
      await assert.rejects(tuneDescription(env.sdk, client(), skill(), options({ maxRequests: 10 })), CostCapError);
    } finally {
      stop();
    }
    assert.equal(sent, 0);
  });

  it('the winner: best holdout accuracy, ties to the shorter description', () => {
    const score = (accuracy: number) => ({ precision: 1, recall: 1, accuracy, completedRuns: 4, erroredRuns: 0 });
    const item = (description: string, holdout: number | null): Measurement => ({
      description,
      source: 'model',
      train: score(1),
      holdout: holdout === null ? null : score(holdout),
      stopped: null,
      tokens: 0,
      missed: [],
    });
    assert.equal(
      pickWinner([item('current one', 0.5), item('longer candidate', 0.75), item('short', 0.75), item('stopped', null)], true)?.description,
      'short',
    );
  });
});
