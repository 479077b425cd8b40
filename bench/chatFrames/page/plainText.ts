/*
 * The benchmark's baseline page: the least a page can do with the same messages, namely append each text
 * delta to one text node, drawn by the browser once per frame. No Markdown, no sanitising, no tool views.
 */

interface TextAppended {
  readonly type: 'textAppended';
  readonly text: string;
}

const text = document.createTextNode('');
const pre = document.createElement('pre');
pre.style.whiteSpace = 'pre-wrap';
pre.append(text);
document.body.append(pre);

window.addEventListener('message', (event: MessageEvent<{ type?: string; updates?: readonly { type: string }[] }>) => {
  for (const update of event.data.updates ?? []) if (update.type === 'textAppended') text.appendData((update as TextAppended).text);
});
window.acquireVsCodeApi().postMessage({ type: 'ready' });
