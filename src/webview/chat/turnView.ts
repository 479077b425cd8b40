import type { AssistantBlock, AssistantTurn, UserTurn } from '../../core/chat/viewModel';
import type { Labels } from '../../shared/chat/protocol';
import { button, el, iconButton } from './dom';
import { MarkdownBlock } from './markdownBlock';
import { format, formatCount } from './text';
import { fileList, ToolView, type SaveFile } from './toolView';

/** What a turn's buttons ask the host to do. */
export interface TurnActions {
  readonly save: SaveFile;
  readonly copy: (turnId: string) => void;
  readonly setApiKey: () => void;
}

/** How the page names the skills and versions a container resolved (from the chips it was given), ids as a last resort. */
export interface SkillNames {
  /** `Title version-label`, e.g. "Release notes v3". */
  name(skillId: string, version: string): string;
}

/** The view of one block, kept while the block stays of the same type. */
type BlockView =
  | { readonly type: 'text'; readonly view: MarkdownBlock; readonly element: HTMLElement }
  | { readonly type: 'tool'; readonly view: ToolView; readonly element: HTMLElement }
  | { readonly type: 'container_upload'; readonly element: HTMLElement };

/**
 * The line under an assistant turn: tokens (cache reads and writes too), container, the skills' versions,
 * continuations, stop reason. A turn that did not finish was never told its output count, so it shows none.
 */
function metaLine(turn: AssistantTurn, labels: Labels, names: SkillNames): HTMLElement {
  const usage = turn.usage;
  // Every input token the requests sent, whether the prompt cache read it, wrote it, or neither (the API counts the three apart).
  const input = formatCount(usage.inputTokens + usage.cacheReadTokens + usage.cacheCreationTokens);
  const tokens =
    turn.status === 'done'
      ? format(labels.tokenCounts, input, formatCount(usage.outputTokens))
      : format(labels.tokenCountsUnfinished, input);
  const items = [el('span', { text: `${labels.tokens}: ${tokens}` })];
  const add = (text: string) => items.push(el('span', { text }));
  if (usage.cacheReadTokens || usage.cacheCreationTokens)
    add(format(labels.cacheCounts, formatCount(usage.cacheReadTokens), formatCount(usage.cacheCreationTokens)));
  if (turn.container) {
    add(`${labels.container}: ${turn.container.id}`);
    const skills = turn.container.skills;
    if (skills.length > 0) {
      // Names to read; the ids stay at hand in the tooltip (for a support request or the API).
      const text = `${labels.skillVersions}: ${skills.map((skill) => names.name(skill.skillId, skill.version)).join(', ')}`;
      items.push(el('span', { text, attrs: { title: skills.map((skill) => `${skill.skillId}@${skill.version}`).join('\n') } }));
    }
  }
  if (turn.continuations > 0) add(`${labels.continuations}: ${turn.continuations}`);
  if (turn.stopReason) add(`${labels.stopReason}: ${turn.stopReason}`);
  if (turn.status === 'stopped') add(labels.stopped);
  return el('div', { className: 'turn-meta', children: items });
}

function errorBox(turn: AssistantTurn, labels: Labels, actions: TurnActions): HTMLElement | null {
  if (!turn.error) return null;
  const requestId = turn.error.requestId
    ? el('div', { className: 'request-id', text: `${labels.requestId}: ${turn.error.requestId}` })
    : null;
  const signIn =
    turn.error.kind === 'auth' || turn.error.kind === 'no-key' ? button(labels.setApiKey, labels.setApiKey, actions.setApiKey) : null;
  return el('div', {
    className: 'turn-error',
    attrs: { role: 'alert' },
    children: [el('div', { text: turn.error.message }), requestId, signIn],
  });
}

/** A user turn: its text, as text. */
export function userTurnElement(turn: UserTurn, labels: Labels): HTMLElement {
  return el('section', {
    className: 'turn user',
    attrs: { 'aria-label': labels.you },
    children: [
      el('div', {
        className: 'turn-author',
        children: [
          el('span', { className: 'codicon codicon-account', attrs: { 'aria-hidden': 'true' } }),
          el('span', { text: labels.you }),
        ],
      }),
      el('div', { className: 'user-text', text: turn.text }),
    ],
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
  /** Which model answered. */
  private readonly model = el('span', { className: 'turn-model' });
  private readonly blockViews: BlockView[] = [];
  /** Text blocks with drawing left to do. */
  private readonly pendingText = new Set<MarkdownBlock>();

  constructor(
    private readonly labels: Labels,
    private readonly actions: TurnActions,
    private readonly names: SkillNames,
    turnId: string,
  ) {
    const copy = iconButton('copy', labels.copy, () => actions.copy(turnId));
    const author = el('div', {
      className: 'turn-author',
      children: [
        el('span', { className: 'codicon codicon-sparkle', attrs: { 'aria-hidden': 'true' } }),
        el('span', { text: labels.claude }),
        this.model,
        copy,
      ],
    });
    this.element = el('section', {
      className: 'turn assistant',
      attrs: { 'aria-label': labels.claude },
      children: [author, this.blocksElement, this.footer],
    });
  }

  /** Redraws the blocks at `indexes` (all when undefined) and the footer. */
  update(turn: AssistantTurn, indexes?: Iterable<number>): void {
    this.element.dataset.status = turn.status;
    this.model.textContent = turn.model;
    for (let index = turn.blocks.length; index < this.blockViews.length; index += 1) this.blockViews[index].element.remove();
    this.blockViews.length = Math.min(this.blockViews.length, turn.blocks.length);
    const changed = indexes ? [...indexes] : turn.blocks.map((_, index) => index);
    for (let index = this.blockViews.length; index < turn.blocks.length; index += 1) changed.push(index);
    for (const index of new Set(changed)) {
      const block = turn.blocks[index];
      if (block) this.updateBlock(index, block);
    }
    this.footer.replaceChildren(
      ...[
        errorBox(turn, this.labels, this.actions),
        fileList(turn.files, this.labels, this.actions.save),
        metaLine(turn, this.labels, this.names),
      ].filter((part): part is HTMLElement => part !== null),
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
      const view = new ToolView(this.labels);
      return { type: 'tool', view, element: view.element };
    }
    return { type: 'container_upload', element: el('div', { className: 'upload', text: `${this.labels.uploaded}: ${block.fileId}` }) };
  }
}
