import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { InternalServerError, RateLimitError } from '@anthropic-ai/sdk';
import { FaultList } from '../../../src/emulator/faults';
import { isLoopback } from '../../../src/emulator/http';
import { createHandler } from '../../../src/emulator/server';
import { SkillStore } from '../../../src/emulator/store';
import { emulatorForSuite, skillFolder, uploadables } from './support';

const JSON_TYPE = { 'content-type': 'application/json' };

describe('emulator admin routes', () => {
  const env = emulatorForSuite({ seed: true });
  const admin = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${env.emulator.url}/_emulator/${path}`, {
      method,
      headers: JSON_TYPE,
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('injects faults for the next N matching requests only', async () => {
    const added = await admin('POST', 'faults', [{ method: 'GET', path: '/v1/skills', status: 429, retryAfterSeconds: 3, times: 2 }]);
    assert.equal(added.status, 200);
    await assert.rejects(env.sdk.beta.skills.retrieve('skill_other'), /404/, 'other paths are untouched');
    for (let i = 0; i < 2; i++) {
      await assert.rejects(
        env.sdk.beta.skills.list(),
        (error: unknown) => error instanceof RateLimitError && error.headers.get('retry-after') === '3',
      );
    }
    assert.equal((await env.sdk.beta.skills.list()).data.length, 7);
  });

  it('clears faults', async () => {
    await admin('POST', 'faults', { status: 500, times: 5 });
    await assert.rejects(env.sdk.beta.skills.list(), InternalServerError);
    assert.equal((await admin('DELETE', 'faults')).status, 200);
    assert.equal((await env.sdk.beta.skills.list()).data.length, 7);
  });

  it('explains a malformed fault with 400', async () => {
    for (const body of ['not json', { status: 200 }, { times: 0, status: 500 }, {}]) {
      const response = await fetch(`${env.emulator.url}/_emulator/faults`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as { error: { type: string } }).error.type, 'invalid_request_error');
    }
  });

  it('rejects a fault with a mistyped field, or a batch with one bad rule, and keeps serving', async () => {
    const malformed = [
      { status: 500, method: 5 },
      { status: 500, path: ['/v1/skills'] },
      { status: 500, latencyMs: '10' },
      { status: 500, retryAfterSeconds: -1 },
      { drop: 'yes' },
      [{ status: 500 }, { status: 200 }],
      [null],
    ];
    for (const body of malformed) {
      const response = await admin('POST', 'faults', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.match(((await response.json()) as { error: { message: string } }).error.message, /must|needs|object/);
    }
    assert.equal((await env.sdk.beta.skills.list()).data.length, 7, 'no rule of a rejected body was kept');
  });

  it('fills the store with generated skills, within caps', async () => {
    assert.equal((await admin('POST', 'fill', { skills: 30, versionsPerSkill: 2 })).status, 200);
    const page = await env.sdk.beta.skills.list({ limit: 100 });
    assert.equal(page.data.length, 30);
    assert.equal((await env.sdk.beta.skills.versions.list(page.data[0]?.id ?? '')).data.length, 2);
    assert.equal((await admin('POST', 'fill', { skills: 10_001, versionsPerSkill: 1 })).status, 400);
    assert.equal((await admin('POST', 'fill', { skills: 1, versionsPerSkill: 0 })).status, 400);
    await admin('POST', 'reset');
  });

  it('hides the admin routes when the emulator is not bound to loopback', async (t) => {
    const faults = new FaultList();
    const handler = createHandler({
      store: new SkillStore({ skills: [] }),
      faults,
      apiKey: undefined,
      adminEnabled: false,
      boundHost: '127.0.0.1',
      reset: () => assert.fail('reset must not be reachable'),
      fill: () => assert.fail('fill must not be reachable'),
      delay: () => Promise.resolve(),
      onRequest: () => {},
    });
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const [method, path] of [
      ['POST', 'faults'],
      ['DELETE', 'faults'],
      ['POST', 'reset'],
      ['POST', 'fill'],
    ]) {
      const response = await fetch(`${base}/_emulator/${path}`, {
        method,
        headers: JSON_TYPE,
        body: method === 'POST' ? '{"status":500}' : undefined,
      });
      assert.equal(response.status, 404, `${method} ${path}`);
    }
    assert.equal(faults.take('GET', '/v1/skills'), undefined);
  });

  it('recognises loopback peers only', () => {
    for (const address of ['127.0.0.1', '127.4.5.6', '::1', '::ffff:127.0.0.1', 'localhost'])
      assert.equal(isLoopback(address), true, address);
    for (const address of ['10.0.0.1', '0.0.0.0', '::', '192.168.1.127', undefined])
      assert.equal(isLoopback(address), false, String(address));
  });

  it('does not take a host name that merely starts with 127. for loopback', () => {
    for (const address of ['127.evil.example', '127.0.0.1.nip.io', '127.0.0.1x', '::ffff:127.attacker.example'])
      assert.equal(isLoopback(address), false, address);
  });

  it('refuses admin requests without a JSON content type, as a web page sends them (415), and changes nothing', async () => {
    const simpleRequests: RequestInit[] = [
      { headers: { 'content-type': 'text/plain' }, body: '{}' },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' },
      {},
    ];
    for (const init of simpleRequests) {
      const response = await fetch(`${env.emulator.url}/_emulator/reset`, { method: 'POST', ...init });
      assert.equal(response.status, 415, JSON.stringify(init));
      assert.match(((await response.json()) as { error: { message: string } }).error.message, /content-type: application\/json/);
    }
    await env.sdk.beta.skills.create({ files: await uploadables(skillFolder('kept-through-reset')) });
    const plain = await fetch(`${env.emulator.url}/_emulator/fill`, {
      method: 'POST',
      body: JSON.stringify({ skills: 0, versionsPerSkill: 1 }),
    });
    assert.equal(plain.status, 415);
    assert.equal((await env.sdk.beta.skills.list()).data.length, 8, 'the refused requests did not reset or fill');
    await admin('POST', 'reset');
  });

  it('refuses requests from a web page (a foreign Origin) on every route, admin or API', async () => {
    const evil = { origin: 'http://evil.example', 'content-type': 'application/json' };
    const reset = await fetch(`${env.emulator.url}/_emulator/reset`, { method: 'POST', headers: evil });
    assert.equal(reset.status, 403);
    const list = await fetch(`${env.emulator.url}/v1/skills`, {
      headers: { ...evil, 'x-api-key': 'k', 'anthropic-version': '2023-06-01' },
    });
    assert.equal(list.status, 403);
    assert.match(((await list.json()) as { error: { message: string } }).error.message, /Origin http:\/\/evil\.example/);
    const unknownRoute = await fetch(`${env.emulator.url}/v1/messages`, { method: 'POST', headers: evil, body: '{}' });
    assert.equal(unknownRoute.status, 403, 'routes added later are covered too');
    const own = await fetch(`${env.emulator.url}/v1/skills`, {
      headers: { origin: env.emulator.url, 'x-api-key': 'k', 'anthropic-version': '2023-06-01' },
    });
    assert.equal(own.status, 200, "the emulator's own origin is fine");
  });

  it("refuses a Host that is not the emulator's own, as after DNS rebinding, on every route", async () => {
    const { port } = new URL(env.emulator.url);
    const statusFor = (method: string, path: string, host: string): Promise<number | undefined> =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method,
            path,
            headers: { host, 'content-type': 'application/json', 'x-api-key': 'k', 'anthropic-version': '2023-06-01' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode);
          },
        );
        req.on('error', reject);
        req.end();
      });
    assert.equal(await statusFor('POST', '/_emulator/reset', `rebound.evil.example:${port}`), 403);
    assert.equal(await statusFor('GET', '/v1/skills', `rebound.evil.example:${port}`), 403);
    assert.equal(await statusFor('GET', '/v1/skills', `127.0.0.1:${Number(port) + 1}`), 403, 'another port is another origin');
    assert.equal(await statusFor('GET', '/v1/skills', `127.0.0.1@evil.example:${port}`), 403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
      assert.equal(await statusFor('GET', '/v1/skills', host), 200, host);
    assert.equal((await env.sdk.beta.skills.list()).data.length, 7, 'nothing was reset');
  });
});
