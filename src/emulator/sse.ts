import type { ServerResponse } from 'node:http';
import type { ScriptedBlock } from './scriptedModel';
import type { Json } from './shapes';

/** A fault in the middle of a stream: the connection cut, or an `error` event, after half the events. */
export type StreamFault = 'cut' | 'error';

/** Bytes collected before one `write`. */
const WRITE_BATCH = 64 * 1024;
/** Characters of tool input JSON per `input_json_delta`. */
const JSON_PIECE = 32;

/** What the stream says around the content blocks. */
export interface StreamedMessage {
  readonly start: Json;
  readonly blocks: readonly ScriptedBlock[];
  readonly delta: Json;
}

/** The events of a message stream, in the wire grammar (a `ping` after `message_start`). */
export function* messageEvents(message: StreamedMessage): Generator<string> {
  yield sse('message_start', { type: 'message_start', message: message.start });
  yield sse('ping', { type: 'ping' });
  for (const [index, block] of message.blocks.entries()) {
    if (block.kind === 'text') {
      yield sse('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      for (const text of block.pieces)
        yield sse('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
    } else if (block.kind === 'tool' || block.kind === 'client_tool') {
      const type = block.kind === 'tool' ? 'server_tool_use' : 'tool_use';
      yield sse('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { type, id: block.id, name: block.name, input: {} },
      });
      for (const partial_json of jsonPieces(block.input)) {
        yield sse('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } });
      }
    } else {
      yield sse('content_block_start', { type: 'content_block_start', index, content_block: block.block });
    }
    yield sse('content_block_stop', { type: 'content_block_stop', index });
  }
  yield sse('message_delta', message.delta);
  yield sse('message_stop', { type: 'message_stop' });
}

/** How many events `messageEvents` yields for these blocks. */
export function countEvents(blocks: readonly ScriptedBlock[]): number {
  let count = 4;
  for (const block of blocks) {
    count += 2;
    if (block.kind === 'text') count += block.pieces.length;
    else if (block.kind === 'tool' || block.kind === 'client_tool') count += jsonPieces(block.input).length;
  }
  return count;
}

/** The blocks as a whole (non-streamed) response carries them. */
export function wholeBlocks(blocks: readonly ScriptedBlock[]): Json[] {
  return blocks.map((block) =>
    block.kind === 'text'
      ? { type: 'text', text: block.pieces.join('') }
      : block.kind === 'tool' || block.kind === 'client_tool'
        ? { type: block.kind === 'tool' ? 'server_tool_use' : 'tool_use', id: block.id, name: block.name, input: block.input }
        : block.block,
  );
}

/**
 * Writes the events as `text/event-stream`, batched, waiting on backpressure and stopping if the
 * client goes away. With a fault, half the events go out and then the connection is cut, or an
 * `error` event ends the stream.
 */
export async function writeEventStream(
  res: ServerResponse,
  events: Iterable<string>,
  total: number,
  requestId: string,
  fault?: StreamFault,
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'request-id': requestId,
  });
  const faultAt = fault ? Math.floor(total / 2) : Infinity;
  let batch = '';
  let written = 0;
  for (const event of events) {
    if (written === faultAt) break;
    batch += event;
    written++;
    if (batch.length >= WRITE_BATCH) {
      const open = await write(res, batch);
      batch = '';
      if (!open) return;
    }
  }
  if (fault === 'cut') {
    res.write(batch, () => res.socket?.destroy());
    return;
  }
  if (fault === 'error') {
    batch += sse('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: requestId });
  }
  res.end(batch);
}

function sse(event: string, data: Json): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function jsonPieces(input: Json): string[] {
  const json = JSON.stringify(input);
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += JSON_PIECE) pieces.push(json.slice(i, i + JSON_PIECE));
  return pieces;
}

/** Writes one batch; resolves false when the client went away. */
function write(res: ServerResponse, chunk: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (open: boolean) => () => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(open);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}
