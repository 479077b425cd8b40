/**
 * `npm run bench:lint:instructions`: the lint benchmark's processes counted in machine instructions instead of time.
 * On a shared 2-core machine wall time drifts by ±20 % from one minute to the next, so changes of a few percent only
 * show in many alternating runs; the main thread's instruction count (valgrind's callgrind, one run each) moves by
 * under 1 %. It prints, for the main thread of each fresh process: a bare `node -e ""`, the I/O floor and
 * `skillsmith lint --format json` over the same corpus as `bench:lint`, and the ratios. A proxy, not the target: the
 * target is CPU time (`bench:lint`); valgrind also runs every thread on one core, so the JIT warms up a little later.
 * Needs valgrind (`apt-get install valgrind`). Run `node esbuild.js` first.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { writeCorpus } from './corpus';

const SKILLS = 1850;
const ROOT = path.join(__dirname, '..', '..');
const run = promisify(execFile);

/** The main thread's instruction count of one fresh `node args` process under callgrind. */
async function mainThreadInstructions(args: string[], scratch: string, label: string): Promise<number> {
  const out = path.join(scratch, `${label}.callgrind`);
  await run('valgrind', ['--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${out}`, process.execPath, ...args], {
    maxBuffer: 256 * 1024 * 1024,
  }).catch((error: { code?: number }) => {
    if (error.code !== 1) throw error; // exit 1 only means the corpus has lint errors, as intended
  });
  const summary = /^summary: (\d+)$/m.exec(await readFile(`${out}-01`, 'utf8')); // thread 1 is the main thread
  if (!summary) throw new Error(`no instruction count for ${label}`);
  return Number(summary[1]);
}

async function main(): Promise<void> {
  await run('valgrind', ['--version']).catch(() => {
    throw new Error('bench:lint:instructions needs valgrind: apt-get install valgrind');
  });
  const scratch = await mkdtemp(path.join(tmpdir(), 'skillsmith-instructions-'));
  try {
    const corpus = path.join(scratch, 'corpus');
    writeCorpus(corpus, SKILLS);
    const [bare, floor, lint] = await Promise.all([
      mainThreadInstructions(['-e', ''], scratch, 'bare'),
      mainThreadInstructions([path.join(__dirname, 'ioFloor.mjs'), corpus], scratch, 'floor'),
      mainThreadInstructions([path.join(ROOT, 'dist', 'cli.js'), 'lint', corpus, '--format', 'json'], scratch, 'lint'),
    ]);
    const millions = (n: number) => `${(n / 1e6).toFixed(0).padStart(5)} M`;
    console.log(`main-thread instructions of fresh processes over ${SKILLS} skills (callgrind):`);
    console.log(`  node -e ""                    ${millions(bare)}   (start-up, in both of the others)`);
    console.log(`  I/O floor                     ${millions(floor)}   work beyond start-up ${millions(floor - bare)}`);
    console.log(`  skillsmith lint --format json ${millions(lint)}   work beyond start-up ${millions(lint - bare)}`);
    console.log(
      `  ratio ${(lint / floor).toFixed(2)}x the floor (a proxy: the target is CPU time <= 2.50x, bench:lint); work beyond start-up ${((lint - bare) / (floor - bare)).toFixed(2)}x`,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
