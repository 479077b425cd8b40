import { applyChatUpdate, findAssistantTurn } from '../../core/chat/updates';
import type { ChatUpdate } from '../../core/chat/updates';
import type { ChatViewModel } from '../../core/chat/viewModel';
import type { Labels } from '../../shared/chat/protocol';
import { el } from './dom';
import { AssistantTurnView, userTurnElement, type SkillNames, type TurnActions } from './turnView';

/** Longest stretch of drawing in one animation frame, in milliseconds; the rest waits for the next frame. */
const FRAME_BUDGET_MS = 8;

/**
 * The conversation's DOM. Updates from the host are applied to the page's copy of the view model at once,
 * but drawn once per animation frame, and only what they touched: a streaming reply costs a frame the
 * drawing of its newest characters, whatever its length.
 */
export class ConversationView {
  readonly element = el('div', { className: 'conversation', attrs: { role: 'log', 'aria-live': 'polite' } });
  private conversation: ChatViewModel = { turns: [], container: null };
  private turnViews = new Map<string, AssistantTurnView>();
  /** Assistant turns to redraw, each with its changed blocks (undefined: all of them). */
  private dirty = new Map<string, Set<number> | undefined>();
  private rebuild = true;
  private frame: number | null = null;
  private readonly empty: HTMLElement;

  constructor(
    private readonly labels: Labels,
    private readonly actions: TurnActions,
    private readonly names: SkillNames,
    /** Called after a frame drew something (the page saves its state, keeps the view scrolled). */
    private readonly drawn: () => void,
  ) {
    this.empty = el('p', { className: 'empty', text: labels.emptyConversation });
  }

  /** The page's copy of the conversation. */
  get model(): ChatViewModel {
    return this.conversation;
  }

  /** Shows `conversation` from scratch. */
  show(conversation: ChatViewModel): void {
    this.conversation = conversation;
    this.forget();
    this.schedule();
  }

  /** Drops every turn's DOM: the next frame builds the conversation anew. */
  private forget(): void {
    this.turnViews.clear();
    this.dirty.clear();
    this.rebuild = true;
  }

  /** Applies the host's updates and schedules their drawing. */
  apply(updates: readonly ChatUpdate[]): void {
    for (const update of updates) {
      this.conversation = applyChatUpdate(this.conversation, update);
      switch (update.type) {
        case 'snapshot':
          this.forget();
          break;
        case 'turnAdded':
          if (update.turn.role === 'assistant') this.dirty.set(update.turn.id, undefined);
          else this.rebuild = true;
          break;
        case 'containerChanged':
          break;
        case 'blockAdded':
          this.markDirty(update.turnId, (findAssistantTurn(this.conversation, update.turnId)?.blocks.length ?? 1) - 1);
          break;
        case 'turnChanged':
          this.markDirty(update.turnId);
          break;
        default:
          this.markDirty(update.turnId, update.blockIndex);
      }
    }
    this.schedule();
  }

  private markDirty(turnId: string, blockIndex?: number): void {
    if (this.dirty.has(turnId) && this.dirty.get(turnId) === undefined) return;
    const blocks = this.dirty.get(turnId) ?? new Set<number>();
    if (blockIndex !== undefined) blocks.add(blockIndex);
    this.dirty.set(turnId, blocks);
  }

  private schedule(): void {
    this.frame ??= requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.frame = null;
    const deadline = performance.now() + FRAME_BUDGET_MS;
    if (this.rebuild) this.rebuildAll();
    for (const [turnId, blocks] of this.dirty) {
      const turn = findAssistantTurn(this.conversation, turnId);
      if (!turn) continue;
      let view = this.turnViews.get(turnId);
      if (!view) {
        view = new AssistantTurnView(this.labels, this.actions, this.names, turnId);
        this.turnViews.set(turnId, view);
        this.element.append(view.element);
      }
      view.update(turn, blocks);
    }
    this.dirty.clear();
    let more = false;
    for (const view of this.turnViews.values()) {
      if (view.render(deadline)) {
        more = true;
        break;
      }
    }
    this.drawn();
    if (more) this.schedule();
  }

  /** Throws away every turn's DOM and makes it again (after a snapshot or a new user turn). */
  private rebuildAll(): void {
    this.rebuild = false;
    const kept = new Map<string, AssistantTurnView>();
    const children: HTMLElement[] = [];
    for (const turn of this.conversation.turns) {
      if (turn.role === 'user') {
        children.push(userTurnElement(turn, this.labels));
        continue;
      }
      let view = this.turnViews.get(turn.id);
      if (!view) {
        view = new AssistantTurnView(this.labels, this.actions, this.names, turn.id);
        this.dirty.set(turn.id, undefined);
      }
      kept.set(turn.id, view);
      children.push(view.element);
    }
    this.turnViews = kept;
    this.element.replaceChildren(...(children.length > 0 ? children : [this.empty]));
  }
}
