/**
 * `npm run bench:api`: the API client against the bare SDK, over loopback, on an emulator (in its own process)
 * filled with 1,000 skills × 5 versions. Prints the median of several rounds and the ratio client / SDK.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { ChildProcess } from 'node:child_process';
import { createSkillsClient, listVersionsOfSkills, type SkillsClient } from '../src/core/api';
import { compare, startEmulatorProcess, type Cost } from './support';

const SKILLS = 1000;
const VERSIONS_PER_SKILL = 5;
const ROUNDS = 7;
const QUICK_ROUNDS = 41;
const LATENCY_ROUNDS = 3;
/** Loopback has next to no latency; a remote API has tens of milliseconds. A little shows what a pool buys. */
const SIMULATED_LATENCY_MS = 3;
const CONCURRENCY = 8;
const KEY = 'bench-key-not-real';
/** The emulator's admin routes take JSON only. */
const JSON_TYPE = { 'content-type': 'application/json' };
/** Page size used by both sides for "all skills", so both make the same requests. */
const PAGE = 100;

/** Starts the emulator in a child process, filled with the skills of the benchmark. */
async function startFilledEmulator(): Promise<{ url: string; child: ChildProcess }> {
  const started = await startEmulatorProcess();
  const filled = await fetch(`${started.url}/_emulator/fill`, {
    method: 'POST',
    headers: JSON_TYPE,
    body: JSON.stringify({ skills: SKILLS, versionsPerSkill: VERSIONS_PER_SKILL }),
  });
  if (!filled.ok) throw new Error(`Could not fill the emulator: ${filled.status}`);
  return started;
}

/** Delays every versions list by `ms`, as a remote service would be, through the emulator's fault injection. */
async function injectLatency(url: string, ms: number): Promise<void> {
  const fault = { method: 'GET', path: '/v1/skills/*/versions', latencyMs: ms, times: 1_000_000_000 };
  const response = await fetch(`${url}/_emulator/faults`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(fault) });
  if (!response.ok) throw new Error(`Could not inject latency: ${response.status}`);
}

async function allSkillIds(client: SkillsClient): Promise<string[]> {
  const ids: string[] = [];
  for await (const skill of client.iterateSkills({ limit: PAGE })) ids.push(skill.id);
  return ids;
}

async function sdkAllSkillIds(sdk: Anthropic): Promise<string[]> {
  const ids: string[] = [];
  for await (const skill of sdk.beta.skills.list({ limit: PAGE })) ids.push(skill.id);
  return ids;
}

async function sdkVersionsSequential(sdk: Anthropic, ids: readonly string[]): Promise<number> {
  let count = 0;
  for (const id of ids) for await (const version of sdk.beta.skills.versions.list(id)) count += version.id ? 1 : 0;
  return count;
}

async function main(): Promise<void> {
  const { url, child } = await startFilledEmulator();
  try {
    const lines: string[] = [];
    const client = createSkillsClient({ apiKey: KEY, baseUrl: url, maxRetries: 0, log: (line) => lines.push(line) });
    const sdk = new Anthropic({ apiKey: KEY, baseURL: url, maxRetries: 0 });
    const ids = await allSkillIds(client);
    if (ids.length !== SKILLS) throw new Error(`Expected ${SKILLS} skills, listed ${ids.length}.`);

    const rows: Array<[string, [Cost, Cost]]> = [
      [
        'first page of skills (20)',
        await compare(
          QUICK_ROUNDS,
          () => client.listSkills({ limit: 20 }),
          () => sdk.beta.skills.list({ limit: 20 }),
        ),
      ],
      [
        `all ${SKILLS} skills (pages of ${PAGE})`,
        await compare(
          QUICK_ROUNDS,
          () => allSkillIds(client),
          () => sdkAllSkillIds(sdk),
        ),
      ],
      [
        `versions of every skill (pool of ${CONCURRENCY} vs sequential)`,
        await compare(
          ROUNDS,
          () => listVersionsOfSkills(client, ids, { concurrency: CONCURRENCY }),
          () => sdkVersionsSequential(sdk, ids),
        ),
      ],
    ];
    await injectLatency(url, SIMULATED_LATENCY_MS);
    rows.push([
      `  same, with ${SIMULATED_LATENCY_MS} ms simulated network latency`,
      await compare(
        LATENCY_ROUNDS,
        () => listVersionsOfSkills(client, ids, { concurrency: CONCURRENCY }),
        () => sdkVersionsSequential(sdk, ids),
      ),
    ]);
    console.log(
      `Skills API client vs bare SDK: ${SKILLS} skills × ${VERSIONS_PER_SKILL} versions, median of ${QUICK_ROUNDS} rounds (${ROUNDS} for versions, ${LATENCY_ROUNDS} with latency), alternating, emulator in a child process`,
    );
    const cell = (value: number, width = 9): string => value.toFixed(1).padStart(width);
    console.log(
      `${'work'.padEnd(52)} ${'wall ms: client'.padStart(15)} ${'SDK'.padStart(9)} ${'ratio'.padStart(6)}   ${'client CPU ms: client'.padStart(21)} ${'SDK'.padStart(9)} ${'ratio'.padStart(6)}`,
    );
    for (const [work, [ours, bare]] of rows) {
      const ratio = (a: number, b: number): string => (a / b).toFixed(2).padStart(6);
      console.log(
        `${work.padEnd(52)} ${cell(ours.wall, 15)} ${cell(bare.wall)} ${ratio(ours.wall, bare.wall)}   ${cell(ours.cpu, 21)} ${cell(bare.cpu)} ${ratio(ours.cpu, bare.cpu)}`,
      );
    }
    console.log('ratio < 1.10 is within 10% of the SDK; below 1.00 is faster. CPU is this process only (the emulator runs apart).');
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
