/**
 * `npm run bench:lint`: how fast `skillsmith lint` is, as ratios against baselines measured in the same run.
 *  (a) the I/O floor (bench/lint/ioFloor.mjs): a fresh Node process that walks the corpus synchronously, lists each
 *      skill folder's files with their sizes and reads every one of them (SKILL.md as text), the least a folder linter
 *      that scans what an upload carries must do;
 *  (b) a fresh `node dist/cli.js lint <corpus> --format json` process, in wall-clock time and in the CPU time each
 *      process reports of itself (bench/lint/reportCpu.cjs, preloaded into both), with the V8 flags the CLI sets for
 *      itself (src/cli/v8Tiering.ts); the target (issue 16) is set in CPU time, which load from other processes
 *      inflates least;
 *  (c) start-up: a fresh `node dist/cli.js lint --help` against a bare `node -e ""`;
 *  (d) in-process lintSkillMd p50/p95 for a typical SKILL.md and a 5,000-line one (targets: p95 < 1 ms and < 10 ms).
 * The corpus (bench/lint/corpus.ts) is shaped like public skill repositories.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { lintSkillMd } from '../src/core/skill/lint';
import { parseSkillMd } from '../src/core/skill/parse';
import { prng } from '../test/unit/skill/frontmatterFuzz';
import { skillBody, writeCorpus } from './lint/corpus';

const SKILLS = 1850;
const PROCESS_RUNS = 9;
/** The CPU-time bound of issue 16, now that the lint reads and scans every file an upload carries. */
const CPU_TARGET_RATIO = 2.5;
const ROOT = path.join(__dirname, '..');
const run = promisify(execFile);

/** Preloaded into each timed process: it reports the process's own CPU time on stderr at exit. */
const REPORT_CPU = path.join(__dirname, 'lint', 'reportCpu.cjs');

/** The wall time and the CPU time (its own, from `reportCpu.cjs`), in milliseconds, of one fresh `node args` process. */
async function processMs(args: string[]): Promise<{ wall: number; cpu: number }> {
  const start = performance.now();
  const { stderr } = await run(process.execPath, ['-r', REPORT_CPU, ...args], { maxBuffer: 256 * 1024 * 1024 }).catch(
    (error: { code?: number; stderr?: string }) => {
      if (error.code !== 1) throw error; // exit 1 only means the corpus has lint errors, as intended
      return { stderr: error.stderr ?? '' };
    },
  );
  const wall = performance.now() - start;
  const cpu = Number(/cpu-ms (\S+)\s*$/.exec(stderr)?.[1]);
  if (!Number.isFinite(cpu)) throw new Error(`no CPU time reported by node ${args.join(' ')}`);
  return { wall, cpu };
}

/** The wall and CPU times of the two commands, run alternately so both see the same machine load. */
async function pairedRunsMs(
  first: string[],
  second: string[],
): Promise<[{ wall: number[]; cpu: number[] }, { wall: number[]; cpu: number[] }]> {
  const a = { wall: [] as number[], cpu: [] as number[] };
  const b = { wall: [] as number[], cpu: [] as number[] };
  for (let i = 0; i < PROCESS_RUNS; i++) {
    for (const [args, into] of [
      [first, a],
      [second, b],
    ] as const) {
      const { wall, cpu } = await processMs(args);
      into.wall.push(wall);
      into.cpu.push(cpu);
    }
  }
  return [a, b];
}

const runsText = (runs: readonly number[]): string => runs.map((ms) => ms.toFixed(0)).join(', ');

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** p50 and p95 of linting `text` in this process after a warm-up, in wall-clock time and in CPU time (which a busy machine's scheduler does not inflate). */
function inProcess(text: string, samples: number): { wall: { p50: number; p95: number }; cpu: { p50: number; p95: number } } {
  const options = { profile: 'claude-api' as const, folderName: 'bench-skill', fileExists: () => true };
  for (let i = 0; i < 50; i++) lintSkillMd(text, options);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    lintSkillMd(text, options);
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: { p50: percentile(wall, 50), p95: percentile(wall, 95) }, cpu: { p50: percentile(cpu, 50), p95: percentile(cpu, 95) } };
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'skillsmith-bench-'));
  try {
    const dirs = writeCorpus(root, SKILLS);
    const floorArgs = [path.join(__dirname, 'lint', 'ioFloor.mjs'), root];
    const cliArgs = [path.join(ROOT, 'dist', 'cli.js'), 'lint', root, '--format', 'json'];
    const { stdout } = await run(process.execPath, floorArgs); // warms the file cache, checks the corpus
    const found = JSON.parse(stdout) as { skills: number; files: number; bytes: number; chars: number };
    if (found.skills !== SKILLS) throw new Error(`the I/O floor found ${found.skills} skills, expected ${SKILLS}`);
    const texts = dirs.map((dir) => readFileSync(path.join(dir, 'SKILL.md'), 'utf8'));
    const needYaml = texts.filter((text) => !parseSkillMd(text).usedFastPath).length;

    const [floor, cli] = await pairedRunsMs(floorArgs, cliArgs);
    const [floorRuns, cliRuns] = [floor.wall, cli.wall];
    const [floorMs, cliMs] = [percentile(floorRuns, 50), percentile(cliRuns, 50)];
    const perSecond = (ms: number) => Math.round((SKILLS / ms) * 1000);
    const load = loadavg()[0].toFixed(1);
    const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(
      `corpus: ${SKILLS} skills in nested repositories, ${found.files} files (${megabytes(found.bytes)} MB), SKILL.md ${megabytes(found.chars)} M characters; ${needYaml} frontmatters (${((needYaml / SKILLS) * 100).toFixed(0)}%) need the full YAML reader`,
    );
    console.log(`median of ${PROCESS_RUNS} fresh processes each, run alternately; load average ${load} on ${cpus().length} CPUs`);
    console.log(
      `(a) I/O floor (walk, list and read every file):            ${floorMs.toFixed(0).padStart(5)} ms  ${perSecond(floorMs)} skills/s  1.00x   runs: ${runsText(floorRuns)}`,
    );
    const ratio = cliMs / floorMs;
    console.log(
      `(b) skillsmith lint --format json:                          ${cliMs.toFixed(0).padStart(5)} ms  ${perSecond(cliMs)} skills/s  ${ratio.toFixed(2)}x   runs: ${runsText(cliRuns)}`,
    );
    console.log(`    wall-clock ratio ${ratio.toFixed(2)}x the floor (no target: it is set in CPU time, below)`);
    const [floorCpu, cliCpu] = [percentile(floor.cpu, 50), percentile(cli.cpu, 50)];
    const cpuVerdict = cliCpu / floorCpu <= CPU_TARGET_RATIO ? 'met' : 'NOT met';
    console.log(
      `    CPU time of the same processes (what load from others inflates least): floor ${floorCpu.toFixed(0)} ms, lint ${cliCpu.toFixed(0)} ms, ratio ${(cliCpu / floorCpu).toFixed(2)}x (target <= ${CPU_TARGET_RATIO.toFixed(2)}x: ${cpuVerdict})`,
    );
    console.log(`      floor runs: ${runsText(floor.cpu)}; lint runs: ${runsText(cli.cpu)}`);

    const [bare, help] = await pairedRunsMs(['-e', ''], [path.join(ROOT, 'dist', 'cli.js'), 'lint', '--help']);
    const [bareMs, helpMs] = [percentile(bare.wall, 50), percentile(help.wall, 50)];
    console.log(
      `(c) start-up: node -e "" ${bareMs.toFixed(0)} ms; skillsmith lint --help ${helpMs.toFixed(0)} ms (+${(helpMs - bareMs).toFixed(0)} ms)`,
    );

    const lineCount = (text: string) => text.split('\n').length;
    const typical = texts.reduce((best, text) => (Math.abs(lineCount(text) - 120) < Math.abs(lineCount(best) - 120) ? text : best)); // about 120 lines
    const long = `---\nname: bench-skill\ndescription: A long skill. Use when benchmarking.\n---\n${skillBody(5000, prng(5000))}`;
    for (const [label, text, samples, target] of [
      ['typical SKILL.md', typical, 2000, 1],
      ['5,000-line SKILL.md', long, 500, 10],
    ] as const) {
      const { wall, cpu } = inProcess(text, samples);
      const lines = text.split('\n').length;
      const verdict = (p95: number) => (p95 < target ? 'met' : 'NOT met');
      console.log(`(d) lintSkillMd, ${label} (${lines} lines), target p95 < ${target} ms:`);
      console.log(`      wall clock p50 ${wall.p50.toFixed(3)} ms, p95 ${wall.p95.toFixed(3)} ms (${verdict(wall.p95)})`);
      console.log(`      CPU time   p50 ${cpu.p50.toFixed(3)} ms, p95 ${cpu.p95.toFixed(3)} ms (${verdict(cpu.p95)})`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
