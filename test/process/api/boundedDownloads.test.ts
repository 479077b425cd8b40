import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSkillsClient } from '../../../src/core/api';
import { MAX_VERSION_DOWNLOAD_BYTES } from '../../../src/core/api/client';
import { downloadFile, MAX_DOWNLOAD_BYTES } from '../../../src/core/chat/serviceCalls';
import { drip, hugeBody, json, startHostileServer, type BodyEnd, type HostileServer } from '../../support/hostileServer';
import { sdkFor, TEST_KEY } from '../../unit/emulator/support';
import { failsWith } from '../../unit/api/failsWith';

const MB = 1024 * 1024;

describe('downloads from a hostile server are bounded in size and time', () => {
  let server: HostileServer;
  /** How the last served body ended. */
  let body: Promise<BodyEnd>;
  const client = (stall?: { windowMs: number; minBytes: number }) =>
    createSkillsClient({ apiKey: TEST_KEY, baseUrl: server.url, maxRetries: 0, stall });
  before(async () => {
    server = await startHostileServer();
  });
  after(() => server.close());

  it('stops a version body that runs past the cap, without reading the rest', async () => {
    server.serve((_request, response) => {
      body = hugeBody(response, 1024 * MB);
    });
    const before = process.memoryUsage().rss;
    const error = await failsWith(client().downloadVersion('skill_x', 'latest'), 'too-large');
    console.log(
      `# rss grew by ${((process.memoryUsage().rss - before) / MB).toFixed(0)} MB for a 1,024 MB body (cap ${(MAX_VERSION_DOWNLOAD_BYTES / MB).toFixed(0)} MB)`,
    );
    assert.match(error.message, /larger than 39\.8 MB\. No skill version is that large/);
    assert.equal(await body, 'closed');
  });

  it('refuses a body whose content-length is over the cap before reading it', async () => {
    server.serve((_request, response) => {
      body = hugeBody(response, 1024 * MB, 1024 * MB);
    });
    await failsWith(client().downloadVersion('skill_x', '1'), 'too-large');
    assert.equal(await body, 'closed');
  });

  it('times out a body that drips a byte at a time', { timeout: 20_000 }, async () => {
    server.serve((_request, response) => {
      body = drip(response, 5);
    });
    const error = await failsWith(client({ windowMs: 100, minBytes: 1024 }).downloadVersion('skill_x', 'latest'), 'timeout');
    assert.match(error.message, /stalled \(less than 1\.0 KB in 1 s\)/);
    assert.equal(await body, 'closed');
  });

  it('lets the user cancel a body that is still arriving', async () => {
    const controller = new AbortController();
    server.serve((_request, response) => {
      body = drip(response, 5);
      setImmediate(() => controller.abort());
    });
    await failsWith(client().downloadVersion('skill_x', 'latest', controller.signal), 'cancelled');
    assert.equal(await body, 'closed');
  });

  it("stops a produced file at the chat's cap however small its metadata says it is", async () => {
    server.serve((request, response) => {
      if (request.url?.endsWith('/content')) body = hugeBody(response, MAX_DOWNLOAD_BYTES + 100 * MB);
      else
        json(response, 200, {
          id: 'file_x',
          type: 'file',
          filename: 'small.txt',
          mime_type: 'text/plain',
          size_bytes: 12,
          created_at: '2026-01-01T00:00:00Z',
        });
    });
    const error = await failsWith(downloadFile(sdkFor(server.url), 'ga', 'file_x'), 'too-large');
    assert.match(error.message, /larger than 200\.0 MB\. The chat downloads files up to 200 MB\./);
    assert.equal(await body, 'closed');
  });
});
