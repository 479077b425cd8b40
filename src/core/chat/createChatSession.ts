import type Anthropic from '@anthropic-ai/sdk';
import { completeParts, historyFromView } from './history';
import { newAssistantTurn, TurnReducer } from './reducer';
import { buildRequest, type MessagesRequest } from './requests';
import { downloadFile, fileNames, listModels } from './serviceCalls';
import type {
  ApiForm,
  CallOptions,
  ChatListener,
  ChatSession,
  ChatSessionOptions,
  DownloadedFile,
  ModelInfo,
  SendOptions,
} from './session';
import { cutStreamError, turnErrorFrom } from './turnErrors';
import type { ChatUpdate } from './updates';
import type { AssistantTurn, ChatTurn, ChatViewModel, ContainerInfo, TurnError, UserTurn } from './viewModel';
import type { HistoryMessage, StreamEvent } from './wire';

/** `maxContinuations` when the options do not say. */
export const DEFAULT_MAX_CONTINUATIONS = 3;

/** A turn's produced files beyond this many keep their ids as names (one metadata request each). */
const MAX_NAMED_FILES = 20;
/** How long a stopped or failed turn waits for its produced files' names before it ends without them. */
const NAMING_TIMEOUT_MS = 10_000;

/** A conversation over this SDK instance (see `ChatSession`). */
export function createChatSession(sdk: Anthropic, options: ChatSessionOptions): ChatSession {
  return new StreamingChatSession(sdk, options);
}

type ResolvedOptions = ChatSession['options'];

/** The streamed request of one turn: its events, and its request id once the service answered. */
interface OpenStream {
  readonly events: AsyncIterable<StreamEvent>;
  readonly requestId: string | null;
}

class StreamingChatSession implements ChatSession {
  readonly viewModel: ChatViewModel = { turns: [], container: null };
  private settings: ResolvedOptions;
  private readonly listeners = new Set<ChatListener>();
  /** What the API has been told so far: complete exchanges only. */
  private history: HistoryMessage[] = [];
  private running: AbortController | undefined;
  /** Bumped by reset and restore: a turn that ends after one leaves the new conversation alone. */
  private generation = 0;
  private turnCount = 0;
  private readonly idPrefix = Math.random().toString(36).slice(2, 8);

  constructor(
    private sdk: Anthropic,
    options: ChatSessionOptions,
  ) {
    this.settings = resolve(options);
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  get options(): ResolvedOptions {
    return this.settings;
  }

  onUpdate(listener: ChatListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async send(text: string, options: SendOptions = {}): Promise<AssistantTurn> {
    if (this.running) throw new Error('A reply is still streaming: stop it or wait for it to finish before sending.');
    if (text.trim() === '') throw new Error('The message is empty: type something to send.');
    const controller = new AbortController();
    this.running = controller;
    const abort = (): void => controller.abort();
    options.signal?.addEventListener('abort', abort);
    if (options.signal?.aborted) controller.abort();
    const generation = this.generation;
    const settings = this.settings;
    this.addTurn({ role: 'user', id: this.nextId('u'), text } satisfies UserTurn);
    const turn = newAssistantTurn(this.nextId('a'), settings.model);
    this.addTurn(turn);
    const reducer = new TurnReducer(
      turn,
      (update) => this.emit(() => update),
      () => this.listeners.size > 0,
    );
    const attachments = options.attachments ?? [];
    const content =
      attachments.length === 0
        ? text
        : [{ type: 'text', text }, ...attachments.map((fileId) => ({ type: 'container_upload', file_id: fileId }))];
    const asked: HistoryMessage[] = [...this.history, { role: 'user', content }];
    try {
      await this.runTurn(settings, asked, reducer, controller.signal, generation);
    } finally {
      options.signal?.removeEventListener('abort', abort);
      this.running = undefined;
      if (generation === this.generation) this.remember(asked, reducer);
    }
    return turn;
  }

  stop(): void {
    this.running?.abort();
  }

  reset(): void {
    this.stop();
    this.generation++;
    this.history = [];
    this.viewModel.turns = [];
    this.viewModel.container = null;
    this.emitSnapshot();
  }

  restore(viewModel: ChatViewModel): void {
    this.stop();
    this.generation++;
    const restored = structuredClone(viewModel);
    for (const turn of restored.turns) if (turn.role === 'assistant' && turn.status === 'streaming') turn.status = 'stopped';
    this.viewModel.turns = restored.turns;
    this.viewModel.container = restored.container && !expired(restored.container) ? restored.container : null;
    this.history = historyFromView(restored);
    this.emitSnapshot();
  }

  configure(options: Partial<ChatSessionOptions>): void {
    if (this.running) throw new Error('Change the chat settings after the reply has finished streaming.');
    this.settings = resolve({ ...this.settings, ...options });
  }

  useSdk(sdk: Anthropic): void {
    this.sdk = sdk;
  }

  listModels(options?: CallOptions): Promise<ModelInfo[]> {
    return listModels(this.sdk, options);
  }

  downloadFile(fileId: string, options?: CallOptions): Promise<DownloadedFile> {
    return downloadFile(this.sdk, this.settings.apiForm, fileId, options);
  }

  /** The requests of one turn: the first, then a continuation after each `pause_turn`, up to the limit. */
  private async runTurn(
    settings: ResolvedOptions,
    asked: readonly HistoryMessage[],
    reducer: TurnReducer,
    signal: AbortSignal,
    generation: number,
  ): Promise<void> {
    const turn = reducer.turn;
    let requestId: string | null = null;
    try {
      for (let continuation = false; ; continuation = true) {
        reducer.beginRequest(continuation);
        const messages = continuation ? [...asked, { role: 'assistant' as const, content: [...reducer.assistantContent] }] : asked;
        const request = buildRequest({
          form: settings.apiForm,
          model: settings.model,
          maxTokens: settings.maxTokens,
          system: settings.system,
          skills: settings.skills,
          containerId: this.reusableContainerId(turn),
          messages,
        });
        const stream = await this.openStream(request, signal);
        requestId = stream.requestId;
        for await (const event of stream.events) reducer.apply(event);
        this.adoptContainer(turn.container, generation);
        if (signal.aborted) return this.end(reducer, settings.apiForm, 'stopped');
        if (!reducer.complete) return this.end(reducer, settings.apiForm, 'error', cutStreamError(requestId));
        if (
          turn.stopReason !== 'pause_turn' ||
          turn.continuations >= settings.maxContinuations ||
          settings.allowContinuation?.() === false
        ) {
          await this.nameFiles(reducer, settings.apiForm, signal);
          return reducer.finish(signal.aborted ? 'stopped' : 'done');
        }
      }
    } catch (error) {
      this.adoptContainer(turn.container, generation);
      if (signal.aborted) return this.end(reducer, settings.apiForm, 'stopped');
      await this.end(reducer, settings.apiForm, 'error', turnErrorFrom(error, { requestId, midStream: reducer.started }));
    }
  }

  /**
   * Ends a turn that was stopped or failed: the files it produced before that still get their names (within
   * `NAMING_TIMEOUT_MS`, on a signal of their own, as the turn's own may be aborted), then the turn ends.
   */
  private async end(reducer: TurnReducer, form: ApiForm, status: 'stopped' | 'error', error?: TurnError): Promise<void> {
    await this.nameFiles(reducer, form, AbortSignal.timeout(NAMING_TIMEOUT_MS));
    reducer.finish(status, error);
  }

  private async openStream(request: MessagesRequest, signal: AbortSignal): Promise<OpenStream> {
    const { betas, ...body } = request;
    const opened =
      betas === undefined
        ? await this.sdk.messages.create(body as unknown as Anthropic.MessageCreateParamsStreaming, { signal }).withResponse()
        : await this.sdk.beta.messages
            .create({ ...body, betas: [...betas] } as unknown as Anthropic.Beta.MessageCreateParamsStreaming, { signal })
            .withResponse();
    return { events: opened.data as AsyncIterable<unknown> as AsyncIterable<StreamEvent>, requestId: opened.request_id ?? null };
  }

  /** Names the turn's produced files from their Files API metadata (at most `MAX_NAMED_FILES`; unnamed on failure). */
  private async nameFiles(reducer: TurnReducer, form: ApiForm, signal: AbortSignal): Promise<void> {
    const unnamed = reducer.turn.files.filter((file) => file.filename === undefined).slice(0, MAX_NAMED_FILES);
    if (unnamed.length === 0) return;
    reducer.nameFiles(
      await fileNames(
        this.sdk,
        form,
        unnamed.map((file) => file.fileId),
        { signal },
      ),
    );
  }

  /** The container this request continues in: the turn's own (after `pause_turn`), else the conversation's. */
  private reusableContainerId(turn: AssistantTurn): string | null {
    const container = turn.container ?? this.viewModel.container;
    return container && !expired(container) ? container.id : null;
  }

  /** Makes the turn's container the conversation's, unless the conversation was reset or restored meanwhile. */
  private adoptContainer(container: ContainerInfo | null, generation: number): void {
    if (!container || container === this.viewModel.container || generation !== this.generation) return;
    this.viewModel.container = container;
    this.emit(() => ({ type: 'containerChanged', container: structuredClone(container) }));
  }

  /** Adds the finished exchange to what the API is told next time (what can be sent back of an unfinished one). */
  private remember(asked: HistoryMessage[], reducer: TurnReducer): void {
    const content = reducer.turn.status === 'done' ? [...reducer.assistantContent] : completeParts(reducer.assistantContent);
    if (content.length === 0 && reducer.turn.status !== 'done') return;
    this.history = content.length === 0 ? asked : [...asked, { role: 'assistant', content }];
  }

  private addTurn(turn: ChatTurn): void {
    this.viewModel.turns.push(turn);
    this.emit(() => ({ type: 'turnAdded', turn: structuredClone(turn) }));
  }

  private emitSnapshot(): void {
    this.emit(() => ({ type: 'snapshot', viewModel: structuredClone(this.viewModel) }));
  }

  /** Sends the update `make` builds to every listener; with none (an eval run), builds nothing. */
  private emit(make: () => ChatUpdate): void {
    if (this.listeners.size === 0) return;
    const update = make();
    for (const listener of this.listeners) listener(update, this.viewModel);
  }

  private nextId(kind: 'u' | 'a'): string {
    return `${kind}-${this.idPrefix}-${++this.turnCount}`;
  }
}

function resolve(options: ChatSessionOptions): ResolvedOptions {
  const apiForm: ApiForm = options.apiForm ?? 'ga';
  return {
    model: options.model,
    maxTokens: options.maxTokens,
    system: options.system,
    skills: [...options.skills],
    apiForm,
    maxContinuations: Math.max(0, Math.floor(options.maxContinuations ?? DEFAULT_MAX_CONTINUATIONS)),
    ...(options.allowContinuation ? { allowContinuation: options.allowContinuation } : {}),
  };
}

function expired(container: ContainerInfo): boolean {
  return container.expiresAt !== null && Date.parse(container.expiresAt) <= Date.now();
}
