import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseOutputEvals } from '../../../src/core/evals/evalFiles';
import { uploadInputFiles } from '../../../src/core/evals/inputFiles';
import { runEvals, type EvalRunOptions } from '../../../src/core/evals/runEvals';
import type { SeenRequest } from '../../../src/emulator';
import { emulatorForSuite } from '../emulator/support';
import { seededRunOptions } from './seededRunOptions';

describe("output cases' input files go through the Files API", () => {
  const env = emulatorForSuite({ seed: true });
  let folder = '';
  let outside = '';
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'skillsmith-inputs-'));
    await mkdir(path.join(folder, 'evals', 'files'), { recursive: true });
    await writeFile(path.join(folder, 'evals', 'files', 'data.csv'), 'a,b\n1,2\n');
    await writeFile(path.join(tmpdir(), 'skillsmith-outside.txt'), 'secret');
    await symlink(path.join(tmpdir(), 'skillsmith-outside.txt'), path.join(folder, 'evals', 'files', 'link.csv'));
    outside = await mkdtemp(path.join(tmpdir(), 'skillsmith-outside-dir-'));
    await writeFile(path.join(outside, 'x'), 'secret');
    await symlink(outside, path.join(folder, 'data'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
    await rm(path.join(tmpdir(), 'skillsmith-outside.txt'), { force: true });
  });

  const options = (): EvalRunOptions => seededRunOptions(env, { inputFolder: folder });
  const outputs = (files: string[]) =>
    parseOutputEvals(
      JSON.stringify({
        evals: [{ id: 7, prompt: 'Clean the messy CSV headers', files, checks: [{ type: 'contains', value: 'data.csv' }] }],
      }),
      'evals.json',
    ).evals;

  function recordRequests(): { seen: SeenRequest[]; stop: () => void } {
    const seen: SeenRequest[] = [];
    return { seen, stop: env.emulator.admin.onRequest((request) => seen.push(request)) };
  }

  it('uploads each file once per case, with its name, and attaches it to every run as a container_upload', async () => {
    const recording = recordRequests();
    let result;
    try {
      result = await runEvals(env.sdk, { triggers: [], outputs: outputs(['evals/files/data.csv']) }, options());
    } finally {
      recording.stop();
    }
    assert.deepEqual(
      result.runs.map((run) => [run.passed, run.error]),
      [
        [true, null],
        [true, null],
        [true, null],
      ],
    );
    assert.match(result.runs[0]?.transcript ?? '', /Your files are in the container: data\.csv/);
    const uploads = recording.seen.filter((request) => request.method === 'POST' && request.path === '/v1/files');
    assert.equal(uploads.length, 1, 'one upload for the three runs');
  });

  it('uploadInputFiles sends the bytes under the bare file name', async () => {
    const [id] = await uploadInputFiles(env.sdk, folder, ['evals/files/data.csv'], 'ga');
    const metadata = await env.sdk.files.retrieveMetadata(id);
    assert.equal(metadata.filename, 'data.csv');
    assert.equal(metadata.size_bytes, 8);
    assert.equal(metadata.downloadable, false, 'an uploaded file is not downloadable, as on the service');
  });

  for (const [file, problem] of [
    ['../outside.csv', /outside the skill folder/],
    ['evals/files/link.csv', /symbolic link/],
    ['evals/files/missing.csv', /does not exist/],
    ['data/x', /outside the skill folder \(a folder on its path is a link out of it\)/],
  ] as const) {
    it(`refuses ${file} before anything is sent: the case's runs fail and say why`, async () => {
      const recording = recordRequests();
      let result;
      try {
        result = await runEvals(env.sdk, { triggers: [], outputs: outputs([file]) }, options());
      } finally {
        recording.stop();
      }
      assert.equal(recording.seen.length, 0, 'no request at all');
      for (const run of result.runs) {
        assert.equal(run.passed, false);
        assert.match(run.error ?? '', problem);
        assert.match(run.error ?? '', new RegExp(`eval 7`));
      }
    });
  }

  it('the emulator refuses a container_upload of a file it does not have, as the service does', async () => {
    await assert.rejects(
      env.sdk.messages.create({
        model: 'claude-sonnet-5-5',
        max_tokens: 100,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'hi' },
              { type: 'container_upload', file_id: 'file_nope' },
            ],
          },
        ],
      }),
      (error: unknown) => (error as { status?: number }).status === 400 && /file_nope not found/.test(String(error)),
    );
  });
});
