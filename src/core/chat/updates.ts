/**
 * What changed in a conversation, one small message per change, so a host can forward a long stream to
 * a webview without re-sending the whole view model on every token. Pure data, no Node or DOM APIs:
 * the webview bundle imports this file and `applyChatUpdate` to keep its own copy in step.
 *
 * Every object in an update is a copy (never a live object of the session's view model), so an update
 * can be applied to another copy directly or sent with `postMessage`.
 */
import type { AssistantBlock, AssistantTurn, ChatTurn, ChatViewModel, ContainerInfo } from './viewModel';

/** The fields of an assistant turn other than its blocks, as a turn update carries them. */
export type AssistantTurnChanges = Partial<
  Pick<AssistantTurn, 'status' | 'continuations' | 'stopReason' | 'usage' | 'container' | 'files' | 'error'>
>;

/** One change to a `ChatViewModel`, in the order the session made them. */
export type ChatUpdate =
  /** The whole conversation: after `reset()`, `restore()` or to bring a new listener up to date. */
  | { readonly type: 'snapshot'; readonly viewModel: ChatViewModel }
  /** A user turn, or an assistant turn that starts streaming, appended to `turns`. */
  | { readonly type: 'turnAdded'; readonly turn: ChatTurn }
  /** A block appended to an assistant turn's `blocks` (its index is the previous length). */
  | { readonly type: 'blockAdded'; readonly turnId: string; readonly block: AssistantBlock }
  /** Text appended to the text block at `blockIndex`. */
  | { readonly type: 'textAppended'; readonly turnId: string; readonly blockIndex: number; readonly text: string }
  /** Streamed input JSON appended to the tool call block's `inputJson` at `blockIndex`. */
  | { readonly type: 'toolInputAppended'; readonly turnId: string; readonly blockIndex: number; readonly json: string }
  /** The block at `blockIndex` replaced: a tool call whose input completed or whose result arrived. */
  | { readonly type: 'blockChanged'; readonly turnId: string; readonly blockIndex: number; readonly block: AssistantBlock }
  /** Some of an assistant turn's other fields changed (status, usage, stop reason, container, files, …). */
  | { readonly type: 'turnChanged'; readonly turnId: string; readonly changes: AssistantTurnChanges }
  /** The container later turns reuse changed (null after "New conversation"). */
  | { readonly type: 'containerChanged'; readonly container: ContainerInfo | null };

/**
 * Applies an update to a copy of the view model, in place, and returns it (a new object for a
 * snapshot). Updates naming a turn the copy does not have are ignored, so a copy that missed the
 * start of a conversation recovers on the next snapshot.
 */
export function applyChatUpdate(view: ChatViewModel, update: ChatUpdate): ChatViewModel {
  switch (update.type) {
    case 'snapshot':
      return update.viewModel;
    case 'turnAdded':
      view.turns.push(update.turn);
      return view;
    case 'containerChanged':
      view.container = update.container;
      return view;
  }
  const turn = findAssistantTurn(view, update.turnId);
  if (!turn) return view;
  switch (update.type) {
    case 'blockAdded':
      turn.blocks.push(update.block);
      break;
    case 'textAppended': {
      const block = turn.blocks[update.blockIndex];
      if (block?.type === 'text') block.text += update.text;
      break;
    }
    case 'toolInputAppended': {
      const block = turn.blocks[update.blockIndex];
      if (block?.type === 'tool') block.inputJson += update.json;
      break;
    }
    case 'blockChanged':
      if (update.blockIndex < turn.blocks.length) turn.blocks[update.blockIndex] = update.block;
      break;
    case 'turnChanged':
      Object.assign(turn, update.changes);
      break;
  }
  return view;
}

/** The assistant turn with this id, searching from the end (updates almost always name the last turn). */
export function findAssistantTurn(view: ChatViewModel, turnId: string): AssistantTurn | undefined {
  for (let i = view.turns.length - 1; i >= 0; i--) {
    const turn = view.turns[i];
    if (turn?.id === turnId) return turn.role === 'assistant' ? turn : undefined;
  }
  return undefined;
}
