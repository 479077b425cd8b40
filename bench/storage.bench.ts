/**
 * `npm run bench:storage`: the cost of structures that used to grow faster than their input.
 * - VersionArchive over deep and wide file lists, against indexing the same paths in a Map and splitting each into
 *   its segments (the least any folder view must do).
 * - One small create in an emulator `--data` folder already holding 0, 90 and 270 MB, and after a fill of 100,000
 *   versions, against writing that create's bytes to one file through a rename (the least a durable create must do).
 *   Flat ratios mean a change costs what it changes, whatever the state around it.
 * Prints the median of several rounds and the ratio to its baseline.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ZipFile } from '../src/core/zip/readZip';
import { writeFileAtomically } from '../src/emulator/atomicFile';
import { openDataFolder } from '../src/emulator/persistence';
import { exampleFiles, generatedSkills } from '../src/emulator/seed';
import { SkillStore } from '../src/emulator/store';
import { checkUpload } from '../src/emulator/upload';
import { VersionArchive } from '../src/extension/services/caches/versionArchive';

const ROUNDS = 9;

/** The median wall-clock milliseconds of `work` over `rounds` runs, after one warm-up. */
function median(work: () => void, rounds = ROUNDS): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function report(label: string, measured: number, baseline: number): void {
  console.log(
    `${label.padEnd(58)} ${measured.toFixed(2).padStart(9)} ms   baseline ${baseline.toFixed(2).padStart(8)} ms   ratio ${(measured / baseline).toFixed(1)}×`,
  );
}

function benchArchive(label: string, files: readonly ZipFile[]): void {
  const baseline = median(() => {
    const index = new Map(files.map((file) => [file.path, file]));
    for (const path of index.keys()) path.split('/');
  });
  report(
    `VersionArchive, ${label}`,
    median(() => new VersionArchive(files)),
    baseline,
  );
}

function benchCreates(): void {
  const dir = mkdtempSync(join(tmpdir(), 'skillsmith-bench-'));
  try {
    const folder = openDataFolder(dir);
    const store = new SkillStore({ skills: [] }, folder.save);
    const small = exampleFiles('small-skill', 'A small skill. Use when benchmarking.', { 'notes.md': 'x'.repeat(4096) });
    const bytes = small.reduce((sum, file) => sum + file.data.byteLength, 0);
    const target = join(dir, 'baseline.bin');
    let round = 0;
    /** A small skill's create against an atomic write of as many bytes, with the store as it is now. */
    const benchCreate = (state: string): void => {
      const payload = new Uint8Array(randomBytes(bytes));
      const baseline = median(() => writeFileAtomically(target, payload));
      const measured = median(() => {
        store.createSkill(
          checkUpload(exampleFiles('small-skill', `A small skill ${round++}. Use when benchmarking.`, { 'notes.md': 'x'.repeat(4096) })),
          undefined,
        );
      });
      report(`--data create of ${bytes} bytes, ${state}`, measured, baseline);
    };
    for (const filledMb of [0, 90, 270]) {
      while (store.list().length * 30 < filledMb) {
        store.createSkill(
          checkUpload(exampleFiles(`big-${round++}`, 'Big.', { 'data.bin': new Uint8Array(randomBytes(30 * 1024 * 1024 - 1024)) })),
          undefined,
        );
      }
      benchCreate(`${filledMb} MB already stored`);
    }
    store.replaceAll(generatedSkills(2_000, 50));
    benchCreate('after 100,000 versions');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const deepFolders = Array.from({ length: 127 }, (_, i) => `d${i}`).join('/');
const data = new Uint8Array(16);
benchArchive(
  '300 files 128 levels deep',
  Array.from({ length: 300 }, (_, i) => ({ path: `${deepFolders}/f${i}`, data })),
);
benchArchive(
  '10,000 files, 100 folders of 100',
  Array.from({ length: 10_000 }, (_, i) => ({ path: `s/dir${i % 100}/sub/f${i}.txt`, data })),
);
benchCreates();
