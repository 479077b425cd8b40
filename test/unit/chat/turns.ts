import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newAssistantTurn, TurnReducer } from '../../../src/core/chat/reducer';
import { applyChatUpdate, type ChatUpdate } from '../../../src/core/chat/updates';
import type { AssistantTurn, ChatViewModel, ProducedFile, ToolCallBlock } from '../../../src/core/chat/viewModel';
import type { StreamEvent, WireBlock } from '../../../src/core/chat/wire';

/** The requests of a recorded turn (test/fixtures/chat/NAME.json): one event list per request. */
export function recordedRequests(name: string): StreamEvent[][] {
  const path = join(__dirname, '..', '..', 'fixtures', 'chat', `${name}.json`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { requests: StreamEvent[][] }).requests;
}

/** An empty assistant turn, streaming, as a session starts one. */
export function newTurn(id = 'a-1'): AssistantTurn {
  return newAssistantTurn(id, 'claude-sonnet-5-5');
}

/** A reducer over a new turn that records its updates, and a copy of the view kept in step by `applyChatUpdate`. */
export function reducing(): { reducer: TurnReducer; turn: AssistantTurn; updates: ChatUpdate[]; mirror: () => ChatViewModel } {
  const turn = newTurn();
  const updates: ChatUpdate[] = [];
  const reducer = new TurnReducer(turn, (update) => updates.push(structuredClone(update)));
  const mirror = (): ChatViewModel =>
    updates.reduce(applyChatUpdate, { turns: [structuredClone({ ...newTurn(turn.id) })], container: null });
  return { reducer, turn, updates, mirror };
}

/** Events of a message: start, the given content events, a message delta with the stop reason, stop. */
export function message(
  content: StreamEvent[],
  stopReason = 'end_turn',
  extra: { usage?: Record<string, number>; container?: Record<string, unknown> } = {},
): StreamEvent[] {
  return [
    {
      type: 'message_start',
      message: { id: 'msg_1', usage: { input_tokens: 10, output_tokens: 1, cache_read_input_tokens: 3, cache_creation_input_tokens: 4 } },
    },
    ...content,
    {
      type: 'message_delta',
      delta: { stop_reason: stopReason, ...(extra.container ? { container: extra.container as never } : {}) },
      usage: { output_tokens: 20, ...extra.usage },
    },
    { type: 'message_stop' },
  ];
}

/** A text block streamed in pieces. */
export function textBlock(index: number, ...pieces: string[]): StreamEvent[] {
  return [
    { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
    ...pieces.map((text): StreamEvent => ({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } })),
    { type: 'content_block_stop', index },
  ];
}

/** A server tool call whose input JSON arrives in pieces. */
export function toolUse(index: number, id: string, name: string, ...jsonPieces: string[]): StreamEvent[] {
  return [
    { type: 'content_block_start', index, content_block: { type: 'server_tool_use', id, name, input: {} } },
    ...jsonPieces.map((partial_json): StreamEvent => ({
      type: 'content_block_delta',
      index,
      delta: { type: 'input_json_delta', partial_json },
    })),
    { type: 'content_block_stop', index },
  ];
}

/** A result block, whole in its start event. */
export function resultBlock(index: number, block: WireBlock): StreamEvent[] {
  return [
    { type: 'content_block_start', index, content_block: block },
    { type: 'content_block_stop', index },
  ];
}

/** A finished bash `ls` call (tool id `t1`) that printed `stdout` and produced `files`, as the view model holds it. */
export function bashListing(stdout: string, files: readonly ProducedFile[] = []): ToolCallBlock {
  return {
    type: 'tool',
    id: 't1',
    name: 'bash_code_execution',
    kind: 'bash',
    inputJson: '{"command":"ls"}',
    inputDone: true,
    input: { command: 'ls' },
    result: { kind: 'bash', stdout, stderr: '', returnCode: 0, files },
  };
}
