/**
 * A small hostile HTTP server on loopback for the tests of what Skillsmith does with a service that misbehaves:
 * bodies far larger than they should be, bodies that drip, metadata that lies, control sequences in what it
 * sends. Each test gives it the handler of its case.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request. */
export type HostileHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** A running hostile server. */
export interface HostileServer {
  /** `http://127.0.0.1:PORT`, for the SDK's base URL. */
  readonly url: string;
  /** Replaces the handler (one per case). */
  serve(handler: HostileHandler): void;
  close(): Promise<void>;
}

/** How a streamed body ended: sent in full, or cut off because the client went away. */
export type BodyEnd = 'finished' | 'closed';

/** Starts a server on 127.0.0.1 (a free port); every request 404s until `serve` gives it a handler. */
export async function startHostileServer(): Promise<HostileServer> {
  let handler: HostileHandler = (_request, response) =>
    json(response, 404, { type: 'error', error: { type: 'not_found_error', message: 'No case is served.' } });
  const server = createServer((request, response) => handler(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    serve(next) {
      handler = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers `status` with `body` as JSON. */
export function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'request-id': 'req_hostile',
  });
  response.end(text);
}

/** The Claude API's error body, with `message` as it is (control sequences and all). */
export function apiError(response: ServerResponse, status: number, message: string): void {
  json(response, status, { type: 'error', error: { type: status === 404 ? 'not_found_error' : 'invalid_request_error', message } });
}

/**
 * Streams `bytes` zero bytes (64 KiB at a time, as fast as the client reads), announcing `declaredLength` as
 * `content-length` when given (it may lie). Resolves with how the body ended.
 */
export function hugeBody(response: ServerResponse, bytes: number, declaredLength?: number): Promise<BodyEnd> {
  const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream' };
  if (declaredLength !== undefined) headers['content-length'] = declaredLength;
  response.writeHead(200, headers);
  const chunk = Buffer.alloc(64 * 1024);
  let sent = 0;
  return new Promise((resolve) => {
    response.once('close', () => resolve(response.writableFinished ? 'finished' : 'closed'));
    response.once('error', () => undefined);
    const pump = (): void => {
      while (sent < bytes && !response.destroyed) {
        const piece = Math.min(chunk.length, bytes - sent);
        sent += piece;
        if (!response.write(piece === chunk.length ? chunk : chunk.subarray(0, piece))) return void response.once('drain', pump);
      }
      if (!response.destroyed) response.end();
    };
    pump();
  });
}

/** Sends a byte every `everyMs` until the client goes away; resolves then. A body that never ends. */
export function drip(response: ServerResponse, everyMs: number): Promise<BodyEnd> {
  response.writeHead(200, { 'content-type': 'application/octet-stream' });
  return new Promise((resolve) => {
    const timer = setInterval(() => response.write('x'), everyMs);
    response.once('close', () => {
      clearInterval(timer);
      resolve('closed');
    });
  });
}

/** One server-sent event: `type` is its name, the whole object its data. */
export type SseEvent = { readonly type: string } & Record<string, unknown>;

/** Answers with these server-sent events, then ends the stream. */
export function sse(response: ServerResponse, events: readonly SseEvent[]): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_hostile' });
  for (const event of events) response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  response.end();
}

/** A streamed Messages answer whose one bash call printed `stdout`, then said `text`. */
export function bashTurnEvents(command: string, stdout: string, text: string): SseEvent[] {
  const usage = { input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
  const message = {
    id: 'msg_hostile',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-5-5',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage,
  };
  const result = { type: 'bash_code_execution_result', stdout, stderr: '', return_code: 0, content: [] };
  return [
    { type: 'message_start', message },
    {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'server_tool_use', id: 'srvtoolu_1', name: 'bash_code_execution', input: {} },
    },
    { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: JSON.stringify({ command }) } },
    { type: 'content_block_stop', index: 0 },
    {
      type: 'content_block_start',
      index: 1,
      content_block: { type: 'bash_code_execution_tool_result', tool_use_id: 'srvtoolu_1', content: result },
    },
    { type: 'content_block_stop', index: 1 },
    { type: 'content_block_start', index: 2, content_block: { type: 'text', text: '' } },
    { type: 'content_block_delta', index: 2, delta: { type: 'text_delta', text } },
    { type: 'content_block_stop', index: 2 },
    { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage },
    { type: 'message_stop' },
  ];
}
