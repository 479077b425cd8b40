/**
 * The conversation as the chat shows it: what the stream reducer builds from Messages API events and
 * what the webview renders. Plain data only (it crosses `postMessage` and `setState`): no classes,
 * no functions, no SDK types. Every string in it came from the service or a skill: render it as
 * untrusted text.
 */
import type { ApiErrorKind } from '../api/types';

/** A skill attached to the container, as the user chose it. */
export interface ChosenSkill {
  readonly type: 'anthropic' | 'custom';
  readonly skillId: string;
  /** A version id, an epoch label, or `latest`; undefined means `latest`. */
  readonly version?: string;
}

/** A skill as the service resolved it in the response's `container.skills`. */
export interface ResolvedSkill {
  readonly type: string;
  readonly skillId: string;
  /** The resolved version (a `skver_…` id for a custom skill asked for as `latest`). */
  readonly version: string;
}

/** The code execution container a turn ran in. */
export interface ContainerInfo {
  readonly id: string;
  /** ISO time, or null when the service did not say. */
  readonly expiresAt: string | null;
  readonly skills: readonly ResolvedSkill[];
}

/** Token counts of one request (summed over its `pause_turn` continuations in a turn). */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheCreationTokens: number;
}

/** A file the container produced, downloadable through the Files API. */
export interface ProducedFile {
  readonly fileId: string;
  /** The name, when a tool result or the Files API metadata gave one. */
  readonly filename?: string;
}

/** What a tool call did, by the tool's kind. */
export type ToolKind = 'bash' | 'view' | 'create' | 'str_replace' | 'code' | 'other';

/** The outcome of a tool call, from its `*_tool_result` block. */
export type ToolResult =
  | {
      readonly kind: 'bash';
      /** At most `MAX_TOOL_TEXT` characters of each stream are kept; `omitted` counts what was left out. */
      readonly stdout: string;
      readonly stderr: string;
      readonly returnCode: number;
      readonly files: readonly ProducedFile[];
      /** Characters left out of `stdout` and `stderr` (past `MAX_TOOL_TEXT` each); absent when none were. */
      readonly omitted?: { readonly stdout: number; readonly stderr: number };
    }
  | {
      readonly kind: 'editor';
      /** The file's content for a view; the lines changed for an edit, when the service sent them (at most `MAX_TOOL_TEXT` characters). */
      readonly content: string | null;
      readonly isFileUpdate: boolean | null;
      /** Characters left out of `content` past `MAX_TOOL_TEXT`; absent when none were. */
      readonly omitted?: number;
    }
  | { readonly kind: 'error'; readonly errorCode: string };

/** One server tool call (`server_tool_use`) and, once it arrived, its result. */
export interface ToolCallBlock {
  readonly type: 'tool';
  /** The `server_tool_use` id that the result's `tool_use_id` names. */
  readonly id: string;
  /** The tool's name as sent: `bash_code_execution`, `text_editor_code_execution`, `code_execution`, … */
  readonly name: string;
  kind: ToolKind;
  /** The input JSON as streamed so far (`input_json_delta`), complete once `inputDone`. */
  inputJson: string;
  inputDone: boolean;
  /** The parsed input once complete (`command` for bash, `path`/`file_text`/… for the editor), else null. */
  input: Record<string, unknown> | null;
  result: ToolResult | null;
}

/** Streamed Markdown text from the model. */
export interface TextBlock {
  readonly type: 'text';
  text: string;
}

/** A file the user uploaded into the container (`container_upload`). */
export interface ContainerUploadBlock {
  readonly type: 'container_upload';
  readonly fileId: string;
}

/** A block of an assistant turn, in stream order. */
export type AssistantBlock = TextBlock | ToolCallBlock | ContainerUploadBlock;

/** Why an assistant turn ended, when it ended with an error instead of a stop reason. */
export interface TurnError {
  readonly message: string;
  readonly requestId?: string;
  /** What went wrong, for the UI to branch on (`auth`: offer to set a key; `rate-limited`: wait; …). */
  readonly kind?: ApiErrorKind;
}

/** A message the user sent. */
export interface UserTurn {
  readonly role: 'user';
  readonly id: string;
  readonly text: string;
}

/** The model's answer to one user message, including its automatic `pause_turn` continuations. */
export interface AssistantTurn {
  readonly role: 'assistant';
  readonly id: string;
  readonly model: string;
  status: 'streaming' | 'done' | 'stopped' | 'error';
  blocks: AssistantBlock[];
  /** How many times the turn was continued after `pause_turn` (0: it never paused). */
  continuations: number;
  /** The last request's `stop_reason` (`end_turn`, `max_tokens`, `pause_turn`, `refusal`, …), or null. */
  stopReason: string | null;
  usage: Usage;
  container: ContainerInfo | null;
  /** Files produced by tool results in this turn, once each, in order of appearance. */
  files: ProducedFile[];
  error: TurnError | null;
}

/** A turn of the conversation. */
export type ChatTurn = UserTurn | AssistantTurn;

/** The whole conversation the chat shows. */
export interface ChatViewModel {
  turns: ChatTurn[];
  /** The container later turns reuse; null before the first answer and after "New conversation". */
  container: ContainerInfo | null;
}
