/**
 * `npm run bench:publish`: a generated skill folder of 2,000 files and 25 MB.
 *  1. publish: collect (walk, excludes, lint), read, zip and upload to an emulator in its own process, against a bare
 *     SDK upload of the same files (read from a list known in advance, no checks, no zip) in the same run.
 *  2. diff: download two versions and diff them (text diffs included), against `unzip` + `diff -r` of the same
 *     two zips, and the in-memory unzip + diff alone against the same baseline.
 * Prints medians and ratios; rounds alternate which side goes first, so load from other processes falls on both.
 */
import Anthropic, { toFile } from '@anthropic-ai/sdk';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, unlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createSkillsClient, downloadFileSet, publishSkill } from '../src/core/api';
import { diffFileSets } from '../src/core/bundle/diffFileSets';
import { prepareUpload, readPreparedFiles } from '../src/core/bundle/prepareUpload';
import { formatUnifiedDiff } from '../src/core/bundle/unifiedDiff';
import { unzipFileSet } from '../src/core/bundle/unzipFileSet';
import { zipFileSet } from '../src/core/bundle/zipFileSet';
import { generateSkillFolder, editSkillFolder } from './publish/generate';
import { compare, medianCost, startEmulatorProcess, timed } from './support';

const KEY = 'bench-key-not-real';
const ROUNDS = 5;
const run = promisify(execFile);

/** The median wall-clock milliseconds of `ours` and `baseline`, paired as `compare` pairs them. */
async function compareWall(ours: () => Promise<unknown>, baseline: () => Promise<unknown>): Promise<[number, number]> {
  const [a, b] = await compare(ROUNDS, ours, baseline);
  return [a.wall, b.wall];
}

/** The median wall-clock milliseconds of `ROUNDS` runs of `work`. */
async function medianWall(work: () => Promise<unknown>): Promise<number> {
  const costs = [];
  for (let round = 0; round < ROUNDS; round++) costs.push(await timed(work));
  return medianCost(costs).wall;
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'skillsmith-bench-publish-'));
  const { url, child } = await startEmulatorProcess();
  try {
    const dir = join(root, 'bench-skill');
    const generated = await generateSkillFolder(dir);
    console.log(
      `Skill folder: ${generated.files.length} files, ${(generated.bytes / 1024 / 1024).toFixed(1)} MB (plus node_modules/ and __pycache__/, left out)`,
    );
    const client = createSkillsClient({ apiKey: KEY, baseUrl: url, maxRetries: 0 });
    const sdk = new Anthropic({ apiKey: KEY, baseURL: url, maxRetries: 0 });
    const skillId = (await publishSkill(client, readPreparedFiles(await prepareUpload(dir)), { newSkill: true })).skillId;
    const drop = async (ref: string): Promise<void> => void (await sdk.beta.skills.versions.delete(ref, { skill_id: skillId }));

    // 1. Publish: what the user waits for (collect + lint + read + upload), then the same with the zip that the upload
    // cache and export need made at the same time, then that zip alone.
    const ourPublish = async (): Promise<void> => {
      const files = readPreparedFiles(await prepareUpload(dir));
      await drop((await publishSkill(client, files, { skillId })).version);
    };
    const ourPublishAndZip = async (): Promise<void> => {
      const files = readPreparedFiles(await prepareUpload(dir));
      const [result] = await Promise.all([publishSkill(client, files, { skillId }), zipFileSet(files)]);
      await drop(result.version);
    };
    const barePublish = async (): Promise<void> => {
      const uploads = await Promise.all(
        generated.files.map(async (path) => toFile(await readFile(join(dir, path)), `bench-skill/${path}`)),
      );
      const version = await sdk.skills.versions.create(skillId, { files: uploads });
      await drop(version.id);
    };
    const [publishOurs, publishBare] = await compareWall(ourPublish, barePublish);
    console.log(
      `publish (collect + lint + read + upload): ${ms(publishOurs)}; bare SDK upload of the same files: ${ms(publishBare)}; ratio ${(publishOurs / publishBare).toFixed(2)}x (target <= 1.2x)`,
    );
    const [zippedOurs, zippedBare] = await compareWall(ourPublishAndZip, barePublish);
    console.log(
      `publish with the zip made alongside: ${ms(zippedOurs)}; bare SDK upload: ${ms(zippedBare)}; ratio ${(zippedOurs / zippedBare).toFixed(2)}x`,
    );
    const files = readPreparedFiles(await prepareUpload(dir));
    let zipBytes = 0;
    const zipping = await medianWall(async () => void (zipBytes = (await zipFileSet(files)).byteLength));
    console.log(
      `zipFileSet alone (jszip, text deflated at level 1, binary stored): ${ms(zipping)} for ${(zipBytes / 1024 / 1024).toFixed(1)} MB`,
    );

    // 2. Download and diff two versions.
    const first = await publishSkill(client, readPreparedFiles(await prepareUpload(dir)), { skillId });
    await editSkillFolder(dir);
    const second = await publishSkill(client, readPreparedFiles(await prepareUpload(dir)), { skillId });
    const [zipA, zipB] = await Promise.all(
      [first, second].map(
        async (v) => new Uint8Array(await (await sdk.beta.skills.versions.download(v.version, { skill_id: skillId })).arrayBuffer()),
      ),
    );
    const zipPaths = [join(root, 'a.zip'), join(root, 'b.zip')];
    await Promise.all([writeFile(zipPaths[0], zipA), writeFile(zipPaths[1], zipB)]);
    let changes = '';
    const ourDownloadAndDiff = async (): Promise<void> => {
      const [a, b] = await Promise.all([downloadFileSet(client, skillId, first.version), downloadFileSet(client, skillId, second.version)]);
      changes = formatUnifiedDiff(diffFileSets(a, b));
    };
    const ourUnzipAndDiff = (): Promise<void> => {
      changes = formatUnifiedDiff(diffFileSets(unzipFileSet(zipA), unzipFileSet(zipB)));
      return Promise.resolve();
    };
    // The baseline unpacks into memory-backed /dev/shm where there is one: the fastest honest place for `unzip`.
    const unpackRoot = existsSync('/dev/shm') ? await mkdtemp('/dev/shm/skillsmith-bench-') : root;
    const unzipAndDiffR = async (): Promise<void> => {
      const [a, b] = [join(unpackRoot, 'A'), join(unpackRoot, 'B')];
      await Promise.all([rm(a, { recursive: true, force: true }), rm(b, { recursive: true, force: true })]);
      await Promise.all([mkdir(a), mkdir(b)]);
      await run('unzip', ['-q', zipPaths[0], '-d', a]);
      await run('unzip', ['-q', zipPaths[1], '-d', b]);
      await run('diff', ['-r', '-u', a, b], { maxBuffer: 64 * 1024 * 1024 }).catch((error: { code?: number }) => {
        if (error.code !== 1) throw error;
      });
    };
    const bareDownload = async (): Promise<void> => {
      await Promise.all(
        [first, second].map(async (v) => (await sdk.beta.skills.versions.download(v.version, { skill_id: skillId })).arrayBuffer()),
      );
    };
    const [downloadDiff, baselineForDownload] = await compareWall(ourDownloadAndDiff, unzipAndDiffR);
    const [memoryDiff, baselineForMemory] = await compareWall(ourUnzipAndDiff, unzipAndDiffR);
    const download = await medianWall(bareDownload);
    console.log(`diff output: ${changes.split('\n').length} lines`);
    console.log(
      `download + unzip + diff of two versions: ${ms(downloadDiff)} (target < 1 s); of which the bare SDK downloads alone take ${ms(download)} (the emulator serves each version's zip, made on its first download)`,
    );
    console.log(
      `unzip + diff in memory: ${ms(memoryDiff)}; unzip + unzip + diff -r -u of the same zips: ${ms(baselineForMemory)}; ratio ${(memoryDiff / baselineForMemory).toFixed(2)}x (target <= 1.5x)`,
    );
    console.log(
      `download + unzip + diff against unzip + diff -r -u (which downloads nothing): ${(downloadDiff / baselineForDownload).toFixed(2)}x`,
    );
    await Promise.all(zipPaths.map((p) => unlink(p)));
    await rm(unpackRoot, { recursive: true, force: true });
  } finally {
    child.kill();
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
