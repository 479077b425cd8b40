/*
 * The benchmark's baseline page: the least a page can do to show the same stream and keep up with it. Each
 * text delta is appended to the text node of the current paragraph (a new one after a blank line), and the
 * paragraphs are grouped in sections that skip layout off screen, as the chat page does. No Markdown, no
 * sanitising, no tool views.
 */

interface TextAppended {
  readonly type: 'textAppended';
  readonly text: string;
}

/** Paragraphs per section, as in the chat page. */
const SECTION_PARAGRAPHS = 32;

const log = document.createElement('div');
log.style.cssText = 'height: 100vh; overflow-y: auto; contain: strict; white-space: pre-wrap';
document.body.append(log);
let section: HTMLElement | null = null;
let paragraph: Text | null = null;
let scrollScheduled = false;

function newParagraph(): Text {
  if (section === null || section.childElementCount >= SECTION_PARAGRAPHS) {
    section = document.createElement('div');
    section.style.cssText = 'content-visibility: auto; contain-intrinsic-size: auto 100em';
    log.append(section);
  }
  const element = document.createElement('p');
  const text = document.createTextNode('');
  element.append(text);
  section.append(element);
  return text;
}

function append(text: string): void {
  const [first = '', ...rest] = text.split('\n\n');
  paragraph ??= newParagraph();
  paragraph.appendData(first);
  for (const part of rest) {
    paragraph = newParagraph();
    paragraph.appendData(part);
  }
}

window.addEventListener('message', (event: MessageEvent<{ type?: string; updates?: readonly { type: string }[] }>) => {
  for (const update of event.data.updates ?? []) if (update.type === 'textAppended') append((update as TextAppended).text);
  if (scrollScheduled) return;
  scrollScheduled = true;
  requestAnimationFrame(() => {
    scrollScheduled = false;
    log.scrollTop = log.scrollHeight;
  });
});
window.acquireVsCodeApi().postMessage({ type: 'ready' });
