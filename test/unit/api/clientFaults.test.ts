import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createSkillsClient, type ApiErrorKind, type ClientOptions } from '../../../src/core/api';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { TEST_KEY } from '../emulator/support';
import { failsWith } from './failsWith';

describe('SkillsClient under injected faults', () => {
  let emulator: RunningEmulator;
  let requests = 0;
  const clientWith = (options: Partial<ClientOptions> = {}) =>
    createSkillsClient({ apiKey: TEST_KEY, baseUrl: emulator.url, maxRetries: 0, ...options });
  before(async () => {
    emulator = await startEmulator({ seed: true });
    emulator.admin.onRequest(() => requests++);
  });
  beforeEach(() => {
    emulator.admin.clearFaults();
    requests = 0;
  });
  after(() => emulator.close());

  it('rides out a 429 with the SDK retries, honouring retry-after', async () => {
    emulator.admin.injectFault({ path: '/v1/skills', status: 429, retryAfterMs: 1, times: 2 });
    const page = await clientWith({ maxRetries: 2 }).listSkills();
    assert.equal(page.items.length, 7);
    assert.equal(requests, 3);
  });

  it('surfaces a 429 with the wait the service asked for once retries are spent', async () => {
    emulator.admin.injectFault({ status: 429, retryAfterSeconds: 7 });
    const error = await failsWith(clientWith().listSkills(), 'rate-limited');
    assert.equal(error.status, 429);
    assert.equal(error.retryAfterSeconds, 7);
    assert.match(error.message, /7 s/);
    assert.match(error.requestId ?? '', /^req_/);
  });

  it('reports 500 as server and 529 as overloaded after the retries', async () => {
    emulator.admin.injectFault({ method: 'GET', path: '/v1/skills/*', status: 500, retryAfterMs: 1, times: 3 });
    const [skill] = emulator.admin.store.list();
    await failsWith(clientWith({ maxRetries: 2 }).getSkill(skill?.id ?? ''), 'server');
    assert.equal(requests, 3);
    emulator.admin.injectFault({ path: '/v1/skills/*/versions', status: 529, retryAfterMs: 1, times: 2 });
    await failsWith(clientWith({ maxRetries: 1 }).listVersions(skill?.id ?? ''), 'overloaded');
  });

  it('maps the other statuses to what the user can do', async () => {
    const cases: Array<[number, ApiErrorKind]> = [
      [401, 'auth'],
      [403, 'permission'],
      [404, 'not-found'],
      [409, 'conflict'],
      [413, 'too-large'],
      [400, 'bad-request'],
      [418, 'unknown'],
    ];
    for (const [status, kind] of cases) {
      emulator.admin.injectFault({ status });
      const error = await failsWith(clientWith().listSkills(), kind);
      assert.equal(error.status, status);
    }
  });

  it('reports a connection dropped mid-response as offline', async () => {
    emulator.admin.injectFault({ drop: true });
    await failsWith(clientWith().listSkills(), 'offline');
  });

  it('reports a refused connection as offline', async () => {
    const gone = await startEmulator();
    await gone.close();
    await failsWith(createSkillsClient({ apiKey: TEST_KEY, baseUrl: gone.url, maxRetries: 0 }).listSkills(), 'offline');
  });

  it('reports a request slower than the timeout as timeout', async () => {
    emulator.admin.injectFault({ latencyMs: 60_000 });
    await failsWith(clientWith({ timeoutMs: 50 }).listSkills(), 'timeout');
  });

  it('reports an aborted request as cancelled', async () => {
    emulator.admin.injectFault({ latencyMs: 60_000 });
    const controller = new AbortController();
    const stop = emulator.admin.onRequest(() => controller.abort());
    await failsWith(clientWith().listSkills({ signal: controller.signal }), 'cancelled');
    stop();
  });

  it('reports a download aborted before it starts as cancelled', async () => {
    const [skill] = emulator.admin.store.list();
    const controller = new AbortController();
    controller.abort();
    await failsWith(clientWith().downloadVersion(skill?.id ?? '', 'latest', controller.signal), 'cancelled');
  });
});
