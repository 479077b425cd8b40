import { isToolResultBlock, readToolResult, toolKind } from './toolResults';
import type { ChatUpdate } from './updates';
import type { AssistantTurn, ContainerInfo, ProducedFile, TextBlock, ToolCallBlock, TurnError, Usage } from './viewModel';
import { textField, type StreamEvent, type WireBlock, type WireContainer, type WireUsage } from './wire';

/** Where a stream block of the current message went. */
type Slot =
  | { readonly kind: 'text'; readonly viewIndex: number; readonly block: TextBlock }
  | { readonly kind: 'tool'; readonly viewIndex: number; readonly block: ToolCallBlock; readonly start: WireBlock }
  /** A block the view does not show (thinking, results, uploads…): kept as it arrived, for sending back. */
  | { readonly kind: 'raw'; readonly block: Record<string, unknown> };

/**
 * Reduces the stream events of one assistant turn (its first request and every `pause_turn`
 * continuation) into the turn's view model, and emits a `ChatUpdate` for every change.
 *
 * Linear in the stream: text and tool input are appended, never rebuilt; a tool call's input JSON is
 * parsed once, when its block stops. The assistant content the API needs back after `pause_turn`
 * is collected on the way.
 */
export class TurnReducer {
  private slots = new Map<number, Slot>();
  /** View index of each tool call, by its `server_tool_use` id, for the results that name it. */
  private readonly toolsById = new Map<string, number>();
  /** Token counts of the requests before the current one. */
  private earlier: Usage = emptyUsage();
  private current: Usage = emptyUsage();
  private content: WireBlock[] = [];
  private messageStopped = false;
  private eventsInRequest = 0;

  /**
   * `listening` says whether anyone takes the updates now: when nobody does (an eval run), the updates and the
   * copies they carry are not made at all.
   */
  constructor(
    readonly turn: AssistantTurn,
    private readonly emitUpdate: (update: ChatUpdate) => void,
    private readonly listening: () => boolean = () => true,
  ) {}

  /** The assistant content so far (every request of the turn), in the API's shape, complete blocks only. */
  get assistantContent(): readonly WireBlock[] {
    return this.content;
  }

  /** True once the current request's stream ended with `message_stop`. */
  get complete(): boolean {
    return this.messageStopped;
  }

  /** True once the current request's stream delivered an event. */
  get started(): boolean {
    return this.eventsInRequest > 0;
  }

  /** Starts the next request of the turn (a continuation after `pause_turn`); counts it when it is one. */
  beginRequest(continuation: boolean): void {
    this.slots = new Map();
    this.earlier = addUsage(this.earlier, this.current);
    this.current = emptyUsage();
    this.messageStopped = false;
    this.eventsInRequest = 0;
    if (continuation) this.change({ continuations: this.turn.continuations + 1 });
  }

  /** Applies one stream event. */
  apply(event: StreamEvent): void {
    this.eventsInRequest++;
    switch (event.type) {
      case 'message_start':
        this.takeUsage(event.message.usage);
        if (event.message.container) this.change({ container: containerInfo(event.message.container) });
        return;
      case 'content_block_start':
        this.startBlock(event.index, event.content_block);
        return;
      case 'content_block_delta':
        this.applyDelta(event.index, event.delta);
        return;
      case 'content_block_stop':
        this.stopBlock(event.index);
        return;
      case 'message_delta':
        this.messageDelta(event.delta.stop_reason, event.delta.container, event.usage);
        return;
      case 'message_stop':
        this.messageStopped = true;
        return;
    }
  }

  /** Gives produced files their names (from the Files API), in the turn's list and in the tool results that made them. */
  nameFiles(names: ReadonlyMap<string, string>): void {
    const named = (file: ProducedFile): ProducedFile => {
      const filename = names.get(file.fileId);
      return filename === undefined ? file : { ...file, filename };
    };
    this.turn.blocks.forEach((block, blockIndex) => {
      if (block.type !== 'tool' || block.result?.kind !== 'bash' || !block.result.files.some((file) => names.has(file.fileId))) return;
      block.result = { ...block.result, files: block.result.files.map(named) };
      this.emit(() => ({ type: 'blockChanged', turnId: this.turn.id, blockIndex, block: copy(block) }));
    });
    if (this.turn.files.some((file) => names.has(file.fileId))) this.change({ files: this.turn.files.map(named) });
  }

  /** Ends the turn: `done`, `stopped` (Stop, what was shown stays) or `error` (with the error). */
  finish(status: 'done' | 'stopped' | 'error', error: TurnError | null = null): void {
    for (const slot of this.slots.values()) if (slot.kind === 'tool' && !slot.block.inputDone) this.completeTool(slot);
    this.change(error ? { status, error } : { status });
  }

  private startBlock(index: number, start: WireBlock): void {
    const blocks = this.turn.blocks;
    if (start.type === 'text') {
      const block: TextBlock = { type: 'text', text: textField(start['text']) };
      this.slots.set(index, { kind: 'text', viewIndex: blocks.length, block });
      this.addBlock(block);
    } else if (start.type === 'server_tool_use') {
      const id = textField(start['id']);
      const name = textField(start['name']);
      const block: ToolCallBlock = {
        type: 'tool',
        id,
        name,
        kind: toolKind(name, null),
        inputJson: '',
        inputDone: false,
        input: null,
        result: null,
      };
      this.slots.set(index, { kind: 'tool', viewIndex: blocks.length, block, start });
      this.toolsById.set(id, blocks.length);
      this.addBlock(block);
    } else {
      this.slots.set(index, { kind: 'raw', block: { ...start } });
      if (isToolResultBlock(start)) this.attachResult(start);
      else if (start.type === 'container_upload' && typeof start['file_id'] === 'string') {
        this.addBlock({ type: 'container_upload', fileId: start['file_id'] });
      }
    }
  }

  private applyDelta(index: number, delta: Extract<StreamEvent, { type: 'content_block_delta' }>['delta']): void {
    const slot = this.slots.get(index);
    if (!slot) return;
    if (slot.kind === 'text') {
      if (delta.type !== 'text_delta') return;
      slot.block.text += delta.text;
      this.emit(() => ({ type: 'textAppended', turnId: this.turn.id, blockIndex: slot.viewIndex, text: delta.text }));
    } else if (slot.kind === 'tool') {
      if (delta.type !== 'input_json_delta') return;
      slot.block.inputJson += delta.partial_json;
      this.emit(() => ({ type: 'toolInputAppended', turnId: this.turn.id, blockIndex: slot.viewIndex, json: delta.partial_json }));
    } else if (delta.type === 'thinking_delta' || delta.type === 'signature_delta') {
      const field = delta.type === 'thinking_delta' ? 'thinking' : 'signature';
      const piece = delta.type === 'thinking_delta' ? delta.thinking : delta.signature;
      slot.block[field] = `${typeof slot.block[field] === 'string' ? slot.block[field] : ''}${piece}`;
    }
  }

  private stopBlock(index: number): void {
    const slot = this.slots.get(index);
    if (!slot) return;
    if (slot.kind === 'text') {
      this.content.push({ type: 'text', text: slot.block.text });
    } else if (slot.kind === 'tool') {
      this.completeTool(slot);
      this.content.push({ type: 'server_tool_use', id: slot.block.id, name: slot.block.name, input: slot.block.input ?? {} });
    } else {
      this.content.push(slot.block as WireBlock);
    }
  }

  /** Parses a tool call's input once, when its block stops (or the stream ends without a stop). */
  private completeTool(slot: Extract<Slot, { kind: 'tool' }>): void {
    const block = slot.block;
    if (block.inputDone) return;
    const given = slot.start['input'];
    if (block.inputJson === '' && isRecord(given) && Object.keys(given).length > 0) block.inputJson = JSON.stringify(given);
    block.input = parseObject(block.inputJson === '' ? '{}' : block.inputJson);
    block.inputDone = true;
    block.kind = toolKind(block.name, block.input);
    this.emit(() => ({ type: 'blockChanged', turnId: this.turn.id, blockIndex: slot.viewIndex, block: copy(block) }));
  }

  private attachResult(start: WireBlock): void {
    const { result, files } = readToolResult(start);
    const viewIndex = this.toolsById.get(textField(start['tool_use_id']));
    const block = viewIndex === undefined ? undefined : this.turn.blocks[viewIndex];
    if (viewIndex !== undefined && block?.type === 'tool') {
      block.result = result;
      this.emit(() => ({ type: 'blockChanged', turnId: this.turn.id, blockIndex: viewIndex, block: copy(block) }));
    }
    const known = new Set(this.turn.files.map((file) => file.fileId));
    const fresh = files.filter((file) => !known.has(file.fileId));
    if (fresh.length > 0) this.change({ files: [...this.turn.files, ...fresh] });
  }

  private messageDelta(
    stopReason: string | null | undefined,
    container: WireContainer | null | undefined,
    usage: WireUsage | null | undefined,
  ): void {
    this.takeUsage(usage);
    this.change({
      ...(stopReason !== undefined ? { stopReason } : {}),
      ...(container ? { container: containerInfo(container) } : {}),
    });
  }

  /** Takes the request's counts (`message_delta` repeats them cumulatively) and shows the turn's sum. */
  private takeUsage(usage: WireUsage | null | undefined): void {
    if (!usage) return;
    const current = this.current;
    this.current = {
      inputTokens: usage.input_tokens ?? current.inputTokens,
      outputTokens: usage.output_tokens ?? current.outputTokens,
      cacheReadTokens: usage.cache_read_input_tokens ?? current.cacheReadTokens,
      cacheCreationTokens: usage.cache_creation_input_tokens ?? current.cacheCreationTokens,
    };
    this.change({ usage: addUsage(this.earlier, this.current) });
  }

  private addBlock(block: TextBlock | ToolCallBlock | { type: 'container_upload'; fileId: string }): void {
    this.turn.blocks.push(block);
    this.emit(() => ({ type: 'blockAdded', turnId: this.turn.id, block: copy(block) }));
  }

  /** Emits the update that `make` builds, building it only when someone is listening. */
  private emit(make: () => ChatUpdate): void {
    if (this.listening()) this.emitUpdate(make());
  }

  private change(changes: Partial<AssistantTurn>): void {
    Object.assign(this.turn, changes);
    this.emit(() => ({ type: 'turnChanged', turnId: this.turn.id, changes: copy(changes) }));
  }
}

/** The view model's container from the wire's. */
export function containerInfo(container: WireContainer): ContainerInfo {
  return {
    id: container.id,
    expiresAt: container.expires_at ?? null,
    skills: (container.skills ?? []).map((skill) => ({ type: skill.type, skillId: skill.skill_id, version: skill.version })),
  };
}

/** An assistant turn as it starts: streaming, with no blocks, usage, container, files or error yet. */
export function newAssistantTurn(id: string, model: string): AssistantTurn {
  return {
    role: 'assistant',
    id,
    model,
    status: 'streaming',
    blocks: [],
    continuations: 0,
    stopReason: null,
    usage: emptyUsage(),
    container: null,
    files: [],
    error: null,
  };
}

/** Usage with every count zero. */
export function emptyUsage(): Usage {
  return { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheCreationTokens: 0 };
}

function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheCreationTokens: a.cacheCreationTokens + b.cacheCreationTokens,
  };
}

function parseObject(json: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(json);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function copy<T>(value: T): T {
  return structuredClone(value);
}
