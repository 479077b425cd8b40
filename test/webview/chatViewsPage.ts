/*
 * Browser side of test/process/chatPanel/chatViews.test.ts: streams a text into the chat page's real
 * `MarkdownBlock` (sanitiser, sections, batches, the open code block's text node) and compares what it
 * shows with a full render of the same text, after every delta; streams a tool call's input into a `ToolView`.
 */
import { renderMarkdown } from '../../src/webview/chat/markdown';
import { MarkdownBlock } from '../../src/webview/chat/markdownBlock';
import { ToolView } from '../../src/webview/chat/toolView';
import { AssistantTurnView } from '../../src/webview/chat/turnView';
import type { AssistantTurn, ToolCallBlock } from '../../src/core/chat/viewModel';
import { LABEL_KEYS, type Labels } from '../../src/shared/chat/protocol';
import type { StreamGlobals, ToolInputShown } from './streamGlobals';

declare global {
  interface Window extends StreamGlobals {}
}

/** The HTML a block shows: its chunks' contents in order, without the elements that group them. */
function shownHtml(block: MarkdownBlock): string {
  return Array.from(block.element.querySelectorAll('.markdown-chunk'), (chunk) => chunk.innerHTML).join('');
}

function fullHtml(text: string): string {
  const container = document.createElement('div');
  container.append(renderMarkdown(text));
  return container.innerHTML;
}

window.streamMarkdown = (text, size, sliced) => {
  const block = new MarkdownBlock();
  document.body.replaceChildren(block.element);
  for (let end = Math.min(size, text.length); ; end = Math.min(end + size, text.length)) {
    block.setText(text.slice(0, end));
    while (block.render(sliced ? 0 : Number.POSITIVE_INFINITY));
    const streamed = shownHtml(block);
    const full = fullHtml(text.slice(0, end));
    if (streamed !== full) return { shownChars: end, streamed, full };
    if (end === text.length) return null;
  }
};

/** Each label is its key, with the placeholders of the templates the tests read. */
const labels = {
  ...Object.fromEntries(LABEL_KEYS.map((key) => [key, key])),
  tokenCounts: '{0} in, {1} out',
  tokenCountsUnfinished: '{0} in',
} as Labels;

window.streamToolInput = (pieces) => {
  const view = new ToolView(labels);
  document.body.replaceChildren(view.element);
  const block: ToolCallBlock = {
    type: 'tool',
    id: 'srvtoolu_1',
    name: 'text_editor_code_execution',
    kind: 'create',
    inputJson: '',
    inputDone: false,
    input: null,
    result: null,
  };
  const shown: ToolInputShown[] = [];
  let first: Element | null = null;
  const show = () => {
    view.update(block);
    const pre = view.element.querySelector('.tool-input pre');
    first ??= pre;
    const input = view.element.querySelector<HTMLElement>('.tool-input');
    shown.push({ text: pre?.textContent ?? '', visible: input !== null && !input.hidden, samePre: pre !== null && pre === first });
  };
  show();
  for (const piece of pieces) {
    block.inputJson += piece;
    show();
  }
  block.inputDone = true;
  block.input = JSON.parse(block.inputJson) as Record<string, unknown>;
  show();
  return shown;
};

window.markdownHtml = (text) => fullHtml(text);

window.drawTurn = (turnJson) => {
  const turn = JSON.parse(turnJson) as AssistantTurn;
  const names = {
    name: (skillId: string, version: string) =>
      skillId === 'skill_1' && version === 'skver_3' ? 'Release notes v3' : `${skillId} ${version}`,
  };
  const view = new AssistantTurnView(labels, { save: () => {}, copy: () => {}, setApiKey: () => {} }, names, turn.id);
  document.body.replaceChildren(view.element);
  view.update(turn);
  const texts = (selector: string) => Array.from(view.element.querySelectorAll(selector), (element) => element.textContent ?? '');
  return {
    author: view.element.querySelector('.turn-author')?.textContent ?? '',
    saveButtons: texts('button').filter((text) => text === 'saveToWorkspace'),
    meta: view.element.querySelector('.turn-meta')?.textContent ?? '',
    toolFiles: texts('.tool .files li'),
    metaTooltips: Array.from(view.element.querySelectorAll('.turn-meta [title]'), (element) => element.getAttribute('title') ?? ''),
  };
};
