import type { AssistantBlock, AssistantTurn, UserTurn } from '../../core/chat/viewModel';
import type { Labels } from '../../shared/chat/protocol';
import { button, el } from './dom';
import { MarkdownBlock } from './markdownBlock';
import { fileList, ToolView, type SaveFile } from './toolView';

/** What a turn's buttons ask the host to do. */
export interface TurnActions {
  readonly save: SaveFile;
  readonly copy: (turnId: string) => void;
  readonly setApiKey: () => void;
}

/** The view of one block, kept while the block stays of the same type. */
type BlockView =
  | { readonly type: 'text'; readonly view: MarkdownBlock; readonly element: HTMLElement }
  | { readonly type: 'tool'; readonly view: ToolView; readonly element: HTMLElement }
  | { readonly type: 'container_upload'; readonly element: HTMLElement };

/**
 * Token counts in the page's locale. Made once, when the page loads: the first `toLocaleString` of a page
 * loads the locale's data, tens of milliseconds that would otherwise fall in the first frame of a reply.
 */
const counts = new Intl.NumberFormat();

function formatCount(value: number): string {
  return counts.format(value);
}

/** Fills `{0}`, `{1}`, … of a localised template. */
function format(template: string, ...values: string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => values[Number(index)] ?? whole);
}

/** The line under an assistant turn: tokens, container, resolved skill versions, continuations, stop reason. */
function metaLine(turn: AssistantTurn, labels: Labels): HTMLElement {
  const usage = turn.usage;
  const items = [`${labels.tokens}: ${format(labels.tokenCounts, formatCount(usage.inputTokens), formatCount(usage.outputTokens))}`];
  if (usage.cacheReadTokens || usage.cacheCreationTokens) {
    items.push(format(labels.cacheCounts, formatCount(usage.cacheReadTokens), formatCount(usage.cacheCreationTokens)));
  }
  if (turn.container) {
    items.push(`${labels.container}: ${turn.container.id}`);
    if (turn.container.skills.length > 0) {
      items.push(`${labels.skillVersions}: ${turn.container.skills.map((skill) => `${skill.skillId}@${skill.version}`).join(', ')}`);
    }
  }
  if (turn.continuations > 0) items.push(`${labels.continuations}: ${turn.continuations}`);
  if (turn.stopReason) items.push(`${labels.stopReason}: ${turn.stopReason}`);
  if (turn.status === 'stopped') items.push(labels.stopped);
  return el('div', { className: 'turn-meta', children: items.map((text) => el('span', { text })) });
}

function errorBox(turn: AssistantTurn, labels: Labels, actions: TurnActions): HTMLElement | null {
  if (!turn.error) return null;
  const requestId = turn.error.requestId ? el('div', { className: 'request-id', text: `${labels.requestId}: ${turn.error.requestId}` }) : null;
  const signIn = turn.error.kind === 'auth' || turn.error.kind === 'no-key' ? button(labels.setApiKey, labels.setApiKey, actions.setApiKey) : null;
  return el('div', { className: 'turn-error', attrs: { role: 'alert' }, children: [el('div', { text: turn.error.message }), requestId, signIn] });
}

/** A user turn: its text, as text. */
export function userTurnElement(turn: UserTurn, labels: Labels): HTMLElement {
  return el('section', {
    className: 'turn user',
    attrs: { 'aria-label': labels.you },
    children: [el('div', { className: 'turn-author', text: labels.you }), el('div', { className: 'user-text', text: turn.text })],
  });
}

/**
 * An assistant turn. Blocks keep their DOM across updates: a changed block redraws itself (a text block only
 * its growing tail), the others are untouched.
 */
export class AssistantTurnView {
  readonly element: HTMLElement;
  private readonly blocksElement = el('div', { className: 'blocks' });
  private readonly footer = el('div', { className: 'turn-footer' });
  private readonly blockViews: BlockView[] = [];
  /** Text blocks with drawing left to do. */
  private readonly pendingText = new Set<MarkdownBlock>();

  constructor(
    private readonly labels: Labels,
    private readonly actions: TurnActions,
    turnId: string,
  ) {
    const copy = button(labels.copy, labels.copy, () => actions.copy(turnId), 'icon-button copy');
    this.element = el('section', {
      className: 'turn assistant',
      attrs: { 'aria-label': labels.claude },
      children: [el('div', { className: 'turn-author', children: [el('span', { text: labels.claude }), copy] }), this.blocksElement, this.footer],
    });
  }

  /** Redraws the blocks at `indexes` (all when undefined) and the footer. */
  update(turn: AssistantTurn, indexes?: Iterable<number>): void {
    this.element.dataset.status = turn.status;
    for (let index = turn.blocks.length; index < this.blockViews.length; index += 1) this.blockViews[index].element.remove();
    this.blockViews.length = Math.min(this.blockViews.length, turn.blocks.length);
    const changed = indexes ? [...indexes] : turn.blocks.map((_, index) => index);
    for (let index = this.blockViews.length; index < turn.blocks.length; index += 1) changed.push(index);
    for (const index of new Set(changed)) {
      const block = turn.blocks[index];
      if (block) this.updateBlock(index, block);
    }
    this.footer.replaceChildren(
      ...[errorBox(turn, this.labels, this.actions), fileList(turn.files, this.labels, this.actions.save), metaLine(turn, this.labels)].filter((part): part is HTMLElement => part !== null),
    );
  }

  /** Draws pending Markdown until `deadline`; returns whether work is left. */
  render(deadline: number): boolean {
    for (const block of this.pendingText) {
      if (block.render(deadline)) return true;
      this.pendingText.delete(block);
    }
    return false;
  }

  private updateBlock(index: number, block: AssistantBlock): void {
    let view: BlockView | undefined = this.blockViews[index];
    if (view && view.type !== block.type) {
      view.element.remove();
      view = undefined;
    }
    if (!view) {
      view = this.createBlockView(block);
      const next = this.blockViews[index + 1]?.element ?? null;
      this.blocksElement.insertBefore(view.element, next);
      this.blockViews[index] = view;
    }
    if (view.type === 'text' && block.type === 'text') {
      view.view.setText(block.text);
      if (view.view.pending) this.pendingText.add(view.view);
    } else if (view.type === 'tool' && block.type === 'tool') {
      view.view.update(block);
    }
  }

  private createBlockView(block: AssistantBlock): BlockView {
    if (block.type === 'text') {
      const view = new MarkdownBlock();
      return { type: 'text', view, element: view.element };
    }
    if (block.type === 'tool') {
      const view = new ToolView(this.labels, this.actions.save);
      return { type: 'tool', view, element: view.element };
    }
    return { type: 'container_upload', element: el('div', { className: 'upload', text: `${this.labels.uploaded}: ${block.fileId}` }) };
  }
}
