/**
 * The Messages API stream events and content blocks as the chat core reads them, for both API forms
 * (GA and beta send the same JSON). Only the fields the core reads are typed; a block keeps every
 * other field it arrived with, because the assistant content is sent back as is after `pause_turn`.
 */

/** A content block as it arrived (`content_block_start`), completed by its deltas. */
export interface WireBlock {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** A field of a block or a tool input read as text: a string as it is, anything else (absent, a number, an object) as ''. */
export function textField(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The usage object of `message_start.message` and `message_delta`. */
export interface WireUsage {
  readonly input_tokens?: number | null;
  readonly output_tokens?: number | null;
  readonly cache_read_input_tokens?: number | null;
  readonly cache_creation_input_tokens?: number | null;
}

/** The `container` of `message_delta.delta` and of a whole response. */
export interface WireContainer {
  readonly id: string;
  readonly expires_at?: string | null;
  readonly skills?: readonly { readonly type: string; readonly skill_id: string; readonly version: string }[] | null;
}

/** The delta of a `content_block_delta`. */
export type WireDelta =
  | { readonly type: 'text_delta'; readonly text: string }
  | { readonly type: 'input_json_delta'; readonly partial_json: string }
  | { readonly type: 'thinking_delta'; readonly thinking: string }
  | { readonly type: 'signature_delta'; readonly signature: string }
  | { readonly type: 'citations_delta'; readonly citation: unknown };

/** One event of a Messages stream (`ping` and `error` never reach the core: the SDK skips or throws them). */
export type StreamEvent =
  | {
      readonly type: 'message_start';
      readonly message: { readonly id: string; readonly usage?: WireUsage | null; readonly container?: WireContainer | null };
    }
  | { readonly type: 'content_block_start'; readonly index: number; readonly content_block: WireBlock }
  | { readonly type: 'content_block_delta'; readonly index: number; readonly delta: WireDelta }
  | { readonly type: 'content_block_stop'; readonly index: number }
  | {
      readonly type: 'message_delta';
      readonly delta: { readonly stop_reason?: string | null; readonly container?: WireContainer | null };
      readonly usage?: WireUsage | null;
    }
  | { readonly type: 'message_stop' };

/** A message of the conversation history sent with every request. */
export interface HistoryMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string | readonly WireBlock[];
}
