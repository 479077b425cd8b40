import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newChunkScan, scanChunks } from '../../../src/webview/chat/markdownChunks';
import { markdownParser } from '../../../src/webview/chat/markdownParser';
import { REPLY } from './markdownSample';

/*
 * The streaming renderer renders each complete chunk on its own and the growing rest apart. Its HTML must be
 * the HTML of rendering the whole text at once, at every moment of the stream, however the text is cut
 * into deltas. (The DOM side, sanitising and the open code block's text node, is checked in Chromium by
 * chatViews.test.ts.)
 */

/** The HTML of complete chunks, by their text: the renderer draws a chunk once it is complete, never again. */
const chunkHtml = new Map<string, string>();

/** What the streaming renderer shows for `text`: its chunks and its tail, each rendered apart. */
function streamedHtml(text: string, scan = newChunkScan()): string {
  scanChunks(scan, text);
  if (scan.definesReference) return markdownParser.render(text);
  const tail = markdownParser.render(text.slice(scan.ends.at(-1) ?? 0));
  const chunks = scan.ends.map((end, index) => {
    const chunk = text.slice(scan.ends[index - 1] ?? 0, end);
    let html = chunkHtml.get(chunk);
    if (html === undefined) chunkHtml.set(chunk, (html = markdownParser.render(chunk)));
    return html;
  });
  return chunks.join('') + tail;
}

/** `text` cut into deltas of `size` characters. */
function deltas(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

describe('streamed Markdown renders as the whole text does', () => {
  it('cuts the sample reply into many chunks (so the check below checks something)', () => {
    const scan = newChunkScan();
    scanChunks(scan, REPLY);
    assert.ok(scan.ends.length >= 12, `only ${scan.ends.length} chunks`);
  });

  for (const size of [1, 2, 7, 31, 200]) {
    it(`gives the HTML of a full render at every delta, deltas of ${size} characters`, () => {
      const scan = newChunkScan();
      let shown = '';
      for (const delta of deltas(REPLY, size)) {
        shown += delta;
        assert.equal(streamedHtml(shown, scan), markdownParser.render(shown), `after ${JSON.stringify(shown.slice(-40))}`);
      }
    });
  }

  it('keeps the items of a loose list in one list, bullet or ordered', () => {
    for (const text of ['- one\n\n- two\n\n- three\n', '1. one\n\n2. two\n', '* a\n\n  b\n\n* c\n']) {
      assert.equal(streamedHtml(text), markdownParser.render(text));
      assert.equal(markdownParser.render(text).match(/<[ou]l/g)?.length, 1);
    }
  });

  it('stops cutting once a line may define a link reference, which applies to the whole text', () => {
    const text =
      'Uses [the docs][docs] here.\n\nMore text.\n\n- item [docs]\n\n> [other]: https://other.example\n\nLast [other].\n\n[docs]: https://docs.example\n\nAfter.\n';
    const scan = newChunkScan();
    scanChunks(scan, text.slice(0, text.indexOf('> [other]')));
    assert.equal(scan.definesReference, false);
    const before = [...scan.ends];
    assert.ok(before.length > 0);
    scanChunks(scan, text);
    assert.equal(scan.definesReference, true);
    assert.deepEqual(scan.ends, before, 'no chunk ends once a definition was seen');
  });
});
