import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emulatorForSuite, TEST_KEY } from './support';
import { ONE_SKILL_REPLY_BLOCKS } from '../../support/scriptedReply';

const HEADERS = { 'content-type': 'application/json', 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01' };
const TOOL = [{ type: 'code_execution_20260521', name: 'code_execution' }];

/** The parts of a Messages response these tests read. */
interface WireMessage {
  readonly type: string;
  readonly stop_reason: string;
  readonly content: readonly {
    readonly type: string;
    readonly text?: string;
    readonly content?: { readonly content?: readonly { readonly file_id: string }[] };
  }[];
  readonly container: {
    readonly id: string;
    readonly expires_at: string;
    readonly skills: readonly { readonly skill_id: string; readonly version: string }[];
  };
  readonly usage: {
    readonly input_tokens: number;
    readonly output_tokens: number;
    readonly cache_read_input_tokens: number;
    readonly cache_creation_input_tokens: number;
  };
}

const message = async (response: Response | Promise<Response>): Promise<WireMessage> => (await (await response).json()) as WireMessage;

describe('emulator: Messages, Models and Files', () => {
  const env = emulatorForSuite({ seed: true });

  const post = (body: Record<string, unknown>, path = '/v1/messages'): Promise<Response> =>
    fetch(`${env.emulator.url}${path}`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) });

  const request = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    model: 'claude-sonnet-5-5',
    max_tokens: 2000,
    messages: [{ role: 'user', content: 'hello xlsx' }],
    tools: TOOL,
    container: { skills: [{ type: 'anthropic', skill_id: 'xlsx', version: 'latest' }] },
    ...extra,
  });

  /** The events of an SSE body: every event has an `event:` line and a JSON `data:` line of the same type. */
  const events = (body: string): { event: string; data: Record<string, unknown> }[] =>
    body
      .split('\n\n')
      .filter((chunk) => chunk.trim() !== '')
      .map((chunk) => {
        const [eventLine, dataLine, ...rest] = chunk.split('\n');
        assert.deepEqual(rest, []);
        assert.match(eventLine ?? '', /^event: \w+$/);
        assert.match(dataLine ?? '', /^data: /);
        const event = (eventLine ?? '').slice('event: '.length);
        const data = JSON.parse((dataLine ?? '').slice('data: '.length)) as Record<string, unknown>;
        assert.equal(data['type'], event);
        return { event, data };
      });

  it('answers a JSON request with the whole message, its container and resolved skills', async () => {
    const response = await post(request());
    assert.equal(response.status, 200);
    assert.match(response.headers.get('request-id') ?? '', /^req_/);
    const answer = await message(response);
    assert.equal(answer.type, 'message');
    assert.equal(answer.stop_reason, 'end_turn');
    assert.deepEqual(
      answer.content.map((block) => block.type),
      ONE_SKILL_REPLY_BLOCKS,
    );
    assert.match(answer.container.id, /^container_/);
    assert.ok(Date.parse(answer.container.expires_at) > Date.now());
    assert.equal(answer.container.skills[0]?.skill_id, 'xlsx');
    assert.match(answer.container.skills[0]?.version ?? '', /^\d+$/);
    assert.ok(answer.usage.input_tokens > 0);
  });

  it('streams in the wire grammar: message_start, a ping, blocks with deltas, message_delta with the container, message_stop', async () => {
    const response = await post(request({ stream: true }));
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const stream = events(await response.text());
    assert.equal(stream[0]?.event, 'message_start');
    assert.equal(stream[1]?.event, 'ping');
    assert.equal(stream.at(-1)?.event, 'message_stop');
    const delta = stream.at(-2)?.data as { type: string; delta: { container: { id: string } }; usage: { output_tokens: number } };
    assert.equal(delta.type, 'message_delta');
    assert.match(delta.delta.container.id, /^container_/);
    assert.ok(delta.usage.output_tokens > 0);
    const inputDeltas = stream.filter((event) => (event.data['delta'] as { type?: string } | undefined)?.type === 'input_json_delta');
    assert.ok(inputDeltas.length > 2, 'tool input is streamed in pieces');
    const results = stream.filter(
      (event) =>
        event.event === 'content_block_start' && String((event.data['content_block'] as { type: string }).type).endsWith('_tool_result'),
    );
    assert.equal(results.length, 2, 'results arrive whole in content_block_start');
  });

  it('reuses a container by id and refuses an unknown one', async () => {
    const first = await message(post(request()));
    const second = await message(
      post(request({ container: { id: first.container.id, skills: [{ type: 'anthropic', skill_id: 'xlsx' }] } })),
    );
    assert.equal(second.container.id, first.container.id);
    const unknown = await post(request({ container: { id: 'container_nope' } }));
    assert.equal(unknown.status, 404);
  });

  it('caches a prompt prefix only up to a cache_control breakpoint, and a later request reads it', async () => {
    const marked = (text: string) => ({ role: 'user', content: [{ type: 'text', text, cache_control: { type: 'ephemeral' } }] });
    const plain = await message(post(request({ messages: [{ role: 'user', content: `unmarked ${'x'.repeat(400)}` }] })));
    assert.equal(plain.usage.cache_creation_input_tokens + plain.usage.cache_read_input_tokens, 0, 'no breakpoint, no caching');
    const first = await message(post(request({ messages: [marked(`first question ${'y'.repeat(400)}`)] })));
    assert.ok(first.usage.cache_creation_input_tokens > 100, 'the first turn writes its prefix');
    assert.equal(first.usage.cache_read_input_tokens, 0);
    const history = [
      { role: 'user', content: [{ type: 'text', text: `first question ${'y'.repeat(400)}` }] },
      { role: 'assistant', content: [{ type: 'text', text: 'an answer' }] },
    ];
    const second = await message(post(request({ messages: [...history, marked('second question')] })));
    assert.equal(
      second.usage.cache_read_input_tokens,
      first.usage.cache_creation_input_tokens,
      'the second turn reads exactly what the first wrote',
    );
    assert.ok(second.usage.cache_creation_input_tokens > 0, 'and writes the rest up to its own breakpoint');
    const other = await message(post(request({ model: 'claude-haiku-5-5', messages: [...history, marked('second question')] })));
    assert.equal(other.usage.cache_read_input_tokens, 0, 'the cache is per model');
  });

  it('refuses what the service refuses, with its error bodies', async () => {
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [request({ tools: [] }), 400, 'invalid_request_error', /requires the code execution tool/],
      [
        request({ container: { skills: Array.from({ length: 9 }, (_, i) => ({ type: 'anthropic', skill_id: `s${i}` })) } }),
        400,
        'invalid_request_error',
        /at most 8 skills/,
      ],
      [request({ container: { skills: [{ type: 'custom', skill_id: 'skill_nope' }] } }), 404, 'not_found_error', /skill_nope not found/],
      [request({ container: { skills: [{ type: 'anthropic', skill_id: 'xlsx', version: '42' }] } }), 404, 'not_found_error', /Version 42/],
      [
        request({
          container: {
            skills: [
              { type: 'anthropic', skill_id: 'xlsx' },
              { type: 'anthropic', skill_id: 'xlsx' },
            ],
          },
        }),
        400,
        'invalid_request_error',
        /more than once/,
      ],
      [request({ model: 'claude-sonnet-4-5-20250929' }), 404, 'not_found_error', /model: claude-sonnet-4-5-20250929/],
      [request({ model: 'claude-nonexistent' }), 404, 'not_found_error', /model/],
      [request({ max_tokens: undefined }), 400, 'invalid_request_error', /max_tokens/],
      [request({ max_tokens: 10_000_000 }), 400, 'invalid_request_error', /maximum allowed/],
      [request({ messages: [] }), 400, 'invalid_request_error', /messages/],
      [request({ messages: [{ role: 'assistant', content: 'x' }] }), 400, 'invalid_request_error', /first message/],
    ];
    for (const [body, status, type, message] of cases) {
      const response = await post(body);
      assert.equal(response.status, status, JSON.stringify(body));
      assert.equal(response.headers.get('content-type'), 'application/json');
      const error = (await response.json()) as { type: string; error: { type: string; message: string }; request_id: string };
      assert.equal(error.type, 'error');
      assert.equal(error.error.type, type);
      assert.match(error.error.message, message);
      assert.match(error.request_id, /^req_/);
    }
  });

  it('accepts the beta form (beta endpoint, betas, the 2025 tool) and names versions by label', async () => {
    const response = await fetch(`${env.emulator.url}/v1/messages?beta=true`, {
      method: 'POST',
      headers: { ...HEADERS, 'anthropic-beta': 'code-execution-2025-08-25,skills-2025-10-02' },
      body: JSON.stringify(
        request({
          tools: [{ type: 'code_execution_20250825', name: 'code_execution' }],
          container: { skills: [{ type: 'custom', skill_id: env.emulator.admin.store.list('custom')[0]?.id }] },
        }),
      ),
    });
    assert.equal(response.status, 200);
    assert.match((await message(response)).container.skills[0]?.version ?? '', /^\d+$/);
  });

  it('writes a long reply of exactly N tokens, and cuts at max_tokens', async () => {
    const long = await message(
      post(request({ container: undefined, messages: [{ role: 'user', content: 'reply with 5000 tokens' }], max_tokens: 6000 })),
    );
    assert.equal(long.content.at(-1)?.text?.trim().split(/\s+/).length, 5000);
    const cut = await message(
      post(request({ container: undefined, messages: [{ role: 'user', content: 'reply with 5000 tokens' }], max_tokens: 100 })),
    );
    assert.equal(cut.stop_reason, 'max_tokens');
    assert.equal(cut.usage.output_tokens, 100);
  });

  it('cuts a stream halfway or sends an error event mid-stream when a fault says so', async () => {
    env.emulator.admin.injectFault({ path: '/v1/messages', stream: 'error' });
    const withError = events(await (await post(request({ stream: true }))).text());
    assert.equal(withError.at(-1)?.event, 'error');
    assert.deepEqual((withError.at(-1)?.data as { error: unknown }).error, { type: 'overloaded_error', message: 'Overloaded' });
    assert.ok(!withError.some((event) => event.event === 'message_stop'));
    env.emulator.admin.injectFault({ path: '/v1/messages', stream: 'cut' });
    const response = await post(
      request({ stream: true, container: undefined, messages: [{ role: 'user', content: '20000 tokens' }], max_tokens: 30000 }),
    );
    await assert.rejects(response.text(), /terminated/);
  });

  it('lists models in pages the SDK follows to the end, retired ones only on request', async () => {
    const ids: string[] = [];
    for await (const model of env.sdk.models.list({ limit: 2 })) ids.push(model.id);
    assert.deepEqual(ids, ['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-4-6']);
    const retired = await env.sdk.models.list({ lifecycle: ['retired'] });
    assert.deepEqual(
      retired.data.map((model) => model.id),
      ['claude-sonnet-4-5-20250929'],
    );
    assert.equal((await env.sdk.models.retrieve('claude-haiku-5-5')).max_tokens, 64000);
    const page = await env.sdk.models.list({ limit: 2, after_id: 'claude-sonnet-5-5' });
    assert.deepEqual(
      page.data.map((model) => model.id),
      ['claude-haiku-5-5', 'claude-opus-4-6'],
    );
    assert.equal(page.has_more, false);
  });

  it('serves produced files: metadata and content, 404 for others', async () => {
    const answer = await message(post(request({ messages: [{ role: 'user', content: 'make a report file' }] })));
    const result = answer.content.find(
      (block) => block.type === 'bash_code_execution_tool_result' && (block.content?.content?.length ?? 0) > 0,
    );
    const fileId = result?.content?.content?.[0]?.file_id ?? '';
    const metadata = await env.sdk.files.retrieveMetadata(fileId);
    assert.equal(metadata.filename, 'emulator-report.md');
    assert.equal(metadata.downloadable, true);
    const bytes = new Uint8Array(await (await env.sdk.files.download(fileId)).arrayBuffer());
    assert.equal(bytes.length, metadata.size_bytes);
    assert.match(new TextDecoder().decode(bytes), /make a report file/);
    await assert.rejects(env.sdk.files.retrieveMetadata('file_nope'), { status: 404 });
  });

  it('applies status faults to the new routes like to the others', async () => {
    env.emulator.admin.injectFault({ path: '/v1/models', status: 429, retryAfterSeconds: 1 });
    await assert.rejects(env.sdk.models.list(), { status: 429 });
    env.emulator.admin.injectFault({ path: '/v1/messages', status: 529 });
    assert.equal((await post(request())).status, 529);
  });
});
