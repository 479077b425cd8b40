/*
 * Browser side of test/unit/chatPanel/markdownBlock.test.ts: streams a text into the chat page's real
 * `MarkdownBlock` (sanitiser, sections, batches, the open code block's text node) and compares what it
 * shows with a full render of the same text, after every delta.
 */
import { renderMarkdown } from '../../src/webview/chat/markdown';
import { MarkdownBlock } from '../../src/webview/chat/markdownBlock';
import type { StreamGlobals } from './streamGlobals';

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
