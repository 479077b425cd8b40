/**
 * A test-chat conversation with skills: what the extension host's chat panel and `skillsmith run`
 * drive. It builds Messages API requests with `container.skills` and the code execution tool,
 * streams them with the SDK, reduces the events into a `ChatViewModel`, continues `pause_turn`
 * by itself in the same container, and reuses the container in later turns.
 *
 * No `vscode` import. Made by `createChatSession(sdk: Anthropic, options: ChatSessionOptions): ChatSession`
 * (createChatSession.ts), which reaches the extension through dist/api.js (src/core/api/index.ts
 * re-exports src/core/chat/index.ts): `loadApiModule().createChatSession(sdk, options)` with the SDK from
 * `ApiSession.getSdk()`. The webview imports only the types and `applyChatUpdate` (updates.ts).
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { ChatUpdate } from './updates';
import type { AssistantTurn, ChatViewModel, ChosenSkill } from './viewModel';

/**
 * Which shape of the Messages API to speak.
 * - `ga`: `client.messages`, tool `code_execution_20260521`, no `anthropic-beta` header (the default).
 * - `beta`: `client.beta.messages`, tool `code_execution_20250825`, betas `code-execution-2025-08-25`
 *   and `skills-2025-10-02` (the seeds' form; older accounts and the tutorials use it).
 */
export type ApiForm = 'ga' | 'beta';

/** How a session builds its requests. Changeable between turns with `configure`. */
export interface ChatSessionOptions {
  /** A model id such as `claude-sonnet-5-5`; any id the user typed is passed on as is. */
  readonly model: string;
  /** `max_tokens` of every request. */
  readonly maxTokens: number;
  /** An optional system prompt; empty or undefined sends none. */
  readonly system?: string;
  /** The skills in the container (at most 8; the service refuses more). */
  readonly skills: readonly ChosenSkill[];
  /** Default `ga`. */
  readonly apiForm?: ApiForm;
  /** How many times one turn continues by itself after `pause_turn` before it stops there. Default 3. */
  readonly maxContinuations?: number;
  /** Asked before each continuation after `pause_turn`; false ends the turn there, as the limit does (an eval's request cap). */
  readonly allowContinuation?: () => boolean;
}

/** Options of one `send`. */
export interface SendOptions {
  /** Aborting it is the same as `stop()`. */
  readonly signal?: AbortSignal;
  /** Files API ids attached to the message as `container_upload` blocks (the container gets the files). */
  readonly attachments?: readonly string[];
}

/** Options of a call that is not a turn (models, files). */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** A model the service offers (`GET /v1/models`). */
export interface ModelInfo {
  readonly id: string;
  /** The service's display name, or the id when it gave none. */
  readonly displayName: string;
  /** ISO time, or null. */
  readonly createdAt: string | null;
  /** `active` or `deprecated` (retired models are not listed); another stage the service names. */
  readonly lifecycle: string;
  /** The model's largest `max_tokens`, or null when the service did not say. */
  readonly maxTokens: number | null;
  /** The model line (`opus`, `sonnet`, `haiku`, …), or null. */
  readonly line: string | null;
}

/** A file the container produced, downloaded through the Files API. */
export interface DownloadedFile {
  readonly fileId: string;
  /**
   * A bare file name from the file's metadata, made safe to join to a folder: no directory parts,
   * no `..`, no control characters; `fileId` when the service gave no usable name. Still ask before
   * overwriting an existing file.
   */
  readonly filename: string;
  /** The metadata's `mime_type`, or null. */
  readonly mimeType: string | null;
  readonly bytes: Uint8Array;
}

/** Receives every change of the conversation, with the live view model after it. */
export type ChatListener = (update: ChatUpdate, viewModel: ChatViewModel) => void;

/**
 * One conversation. At most one turn streams at a time.
 *
 * Errors of a turn never reject `send`: they end the turn with status `error` and a `TurnError`
 * (message and request id), and what was already shown stays. `listModels` and `downloadFile`
 * reject with a `SkillsApiError` (`kind`, a message that says what to do, `requestId`).
 */
export interface ChatSession {
  /**
   * The live conversation. The session mutates it in place while a turn streams; read it, never
   * change it. `postMessage` and `structuredClone` give a copy.
   */
  readonly viewModel: ChatViewModel;
  /** True while a turn streams (from `send` until its promise settles). */
  readonly busy: boolean;
  /** The options the next request is built from. */
  readonly options: Required<Omit<ChatSessionOptions, 'system' | 'allowContinuation'>> &
    Pick<ChatSessionOptions, 'system' | 'allowContinuation'>;

  /**
   * Subscribes to changes. The listener is called synchronously for every update, in order; it is not
   * called with a snapshot on subscribing (read `viewModel` for the current state). Returns the
   * function that unsubscribes.
   */
  onUpdate(listener: ChatListener): () => void;

  /**
   * Sends a user message and streams the answer: a user turn and an assistant turn are appended, the
   * assistant turn fills as events arrive, continues after `pause_turn` up to `maxContinuations` times
   * (counted in `continuations`) and ends `done`, `stopped` or `error`; before it ends `done`, its produced
   * files get their names from the Files API (`ProducedFile.filename`). Resolves with the finished
   * assistant turn (the live object). Rejects only when a turn is already streaming or `text` is blank.
   */
  send(text: string, options?: SendOptions): Promise<AssistantTurn>;

  /** Aborts the streaming turn, if any: it ends with status `stopped`, keeping what was shown. */
  stop(): void;

  /**
   * "New conversation": stops a streaming turn, forgets the turns and the container, and emits a
   * snapshot of the empty conversation. The options stay.
   */
  reset(): void;

  /**
   * Shows a conversation saved earlier (a webview restored after a reload) and continues it: later
   * requests send its user texts and the assistant turns' text as history, in its container when
   * that has not expired. Stops a streaming turn first; emits a snapshot.
   */
  restore(viewModel: ChatViewModel): void;

  /**
   * Changes the options for the next request; the conversation and its container stay. Rejected
   * (throws) while a turn streams.
   */
  configure(options: Partial<ChatSessionOptions>): void;

  /** Uses another SDK instance from the next request on (after the key or the API settings changed). */
  useSdk(sdk: Anthropic): void;

  /** Every active or deprecated model the service lists (all pages), in the service's order (newest first). */
  listModels(options?: CallOptions): Promise<ModelInfo[]>;

  /** A produced file's name and bytes (Files API metadata and content, read in memory). */
  downloadFile(fileId: string, options?: CallOptions): Promise<DownloadedFile>;
}
