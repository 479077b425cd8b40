/**
 * `npm run bench:evals`: 100 trigger cases x 3 runs (300 Messages requests with a skill in the container) against the
 * emulator in its own process, which adds 20 ms to every request (a latency fault), as a service would. Ours:
 * `runEvals` at a concurrency of 8, streaming each request through the chat core and detecting the trigger. Baseline,
 * in the same run: the same 300 requests sent one after another with the bare SDK (`messages.create`, whole
 * responses: the cheapest way to send and read them). Prints the medians and the speed-up (target: at least 4x).
 * Then description tuning on test/fixtures/evals/csv-tidy: the requests it sent against the naive plan (every
 * description on every case), which early stopping keeps it under when a candidate is clearly beaten.
 */
import * as path from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { createSkillsClient } from '../src/core/api/client';
import { buildRequest } from '../src/core/chat/requests';
import { runEvals } from '../src/core/evals/runEvals';
import { tuneDescription } from '../src/core/evals/tune/tuneDescription';
import type { TriggerEvalCase } from '../src/core/evals/types';
import { compare, startEmulatorProcess } from './support';

const CASES = 100;
const RUNS = 3;
const CONCURRENCY = 8;
const LATENCY_MS = 20;
const ROUNDS = 3;
const KEY = 'bench-key-not-real';
const MODEL = 'claude-sonnet-5-5';
const TUNE_FIXTURE = path.join(__dirname, '..', 'test', 'fixtures', 'evals', 'csv-tidy');
const QUERIES = [
  'Fix the messy headers in this CSV',
  'What is the capital of France?',
  'My CSV files have odd encodings',
  'Write a haiku about autumn',
];

async function main(): Promise<void> {
  const { url, child } = await startEmulatorProcess(['--seed']);
  try {
    const faults = await fetch(`${url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/v1/messages', latencyMs: LATENCY_MS, times: 1_000_000 }),
    });
    if (!faults.ok) throw new Error(`Could not add the latency: ${faults.status}`);
    const sdk = new Anthropic({ apiKey: KEY, baseURL: url, maxRetries: 0 });
    let skillId = '';
    for await (const skill of sdk.skills.list({ source: 'custom' })) if (skill.display_name === 'CSV cleaner') skillId = skill.id;
    if (!skillId) throw new Error('The seeded csv-cleaner skill is missing.');
    const cases: TriggerEvalCase[] = Array.from({ length: CASES }, (_, index) => ({
      index,
      query: `${QUERIES[index % QUERIES.length]} (case ${index})`,
      shouldTrigger: index % 2 === 0,
      line: index,
    }));
    const options = {
      skill: { skillId, directory: 'csv-cleaner' },
      baseline: { kind: 'none' } as const,
      model: MODEL,
      graderModel: MODEL,
      maxTokens: 4096,
      runs: RUNS,
      concurrency: CONCURRENCY,
    };
    const ours = async (): Promise<void> => {
      const result = await runEvals(sdk, { triggers: cases, outputs: [] }, options);
      const failed = result.runs.filter((run) => !run.passed).length;
      if (result.runs.length !== CASES * RUNS || failed > 0)
        throw new Error(`Expected ${CASES * RUNS} passing runs, got ${result.runs.length} with ${failed} failing.`);
    };
    const sequential = async (): Promise<void> => {
      for (let run = 0; run < RUNS; run++) {
        for (const item of cases) {
          const body = buildRequest({
            form: 'ga',
            model: MODEL,
            maxTokens: 4096,
            skills: [{ type: 'custom', skillId }],
            containerId: null,
            messages: [{ role: 'user', content: item.query }],
          });
          const message = await sdk.messages.create({ ...(body as unknown as Anthropic.MessageCreateParamsNonStreaming), stream: false });
          if (message.stop_reason !== 'end_turn') throw new Error(`Unexpected stop reason ${message.stop_reason}`);
        }
      }
    };
    const [mine, bare] = await compare(ROUNDS, ours, sequential);
    console.log(
      `Evals: ${CASES} cases x ${RUNS} runs = ${CASES * RUNS} requests, emulator adding ${LATENCY_MS} ms each (child process); median of ${ROUNDS} rounds, alternating`,
    );
    console.log(`${'work'.padEnd(58)} ${'wall ms'.padStart(9)} ${'CPU ms'.padStart(9)}`);
    console.log(
      `${`runEvals, concurrency ${CONCURRENCY} (chat core, trigger detection)`.padEnd(58)} ${mine.wall.toFixed(0).padStart(9)} ${mine.cpu.toFixed(0).padStart(9)}`,
    );
    console.log(
      `${'baseline: the same requests in sequence, bare SDK'.padEnd(58)} ${bare.wall.toFixed(0).padStart(9)} ${bare.cpu.toFixed(0).padStart(9)}`,
    );
    console.log(`speed-up: ${(bare.wall / mine.wall).toFixed(2)}x wall (target >= 4x); CPU is this process only.`);
    const tuned = await tuneDescription(sdk, createSkillsClient({ apiKey: KEY, baseUrl: url, maxRetries: 0 }), TUNE_FIXTURE, {
      model: MODEL,
      maxTokens: 1024,
      runs: RUNS,
      seed: 7,
      candidates: ['A skill.'],
    });
    const measured = 1 + tuned.rounds.reduce((sum, round) => sum + round.measurements.length, 0);
    const stopped = tuned.rounds.reduce((sum, round) => sum + round.measurements.filter((item) => item.stopped !== null).length, 0);
    console.log(
      `tuning (csv-tidy, ${RUNS} runs a case, ${measured} descriptions, ${stopped} stopped early): ${tuned.requestsSent} requests sent; the naive plan ${tuned.naiveRequests} (${(tuned.requestsSent / tuned.naiveRequests).toFixed(2)}x)`,
    );
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
