import { el } from './dom';
import { renderMarkdown } from './markdown';
import { newChunkScan, scanChunks, type ChunkScan } from './markdownChunks';

/**
 * The DOM of one streamed text block. Complete chunks are rendered once and kept; the growing last chunk is
 * rendered again when the text changed. `render` does as much as its time budget allows and says whether
 * work is left, so a huge text (a restored conversation) is drawn over several frames instead of one long one.
 */
export class MarkdownBlock {
  readonly element = el('div', { className: 'markdown' });
  private readonly tail = el('div', { className: 'markdown-chunk' });
  private text = '';
  private scan: ChunkScan = newChunkScan();
  /** How many of `scan.ends` have their DOM. */
  private rendered = 0;
  /** The text the tail element shows, or null when it must be drawn. */
  private tailText: string | null = null;

  constructor() {
    this.element.append(this.tail);
  }

  /** The block's whole text so far (a streamed block only grows; anything else starts over). */
  setText(text: string): void {
    if (!text.startsWith(this.text)) {
      this.scan = newChunkScan();
      this.rendered = 0;
      this.tailText = null;
      this.element.replaceChildren(this.tail);
    }
    this.text = text;
    scanChunks(this.scan, text);
  }

  /** Whether `render` has anything left to draw. */
  get pending(): boolean {
    return this.rendered < this.scan.ends.length || this.tailText !== this.text.slice(this.tailStart());
  }

  /** Draws chunks until `deadline` (a `performance.now()` time); returns whether work is left. */
  render(deadline: number): boolean {
    const ends = this.scan.ends;
    while (this.rendered < ends.length) {
      const chunk = el('div', { className: 'markdown-chunk' });
      chunk.append(renderMarkdown(this.text.slice(this.tailStart(), ends[this.rendered])));
      this.tail.before(chunk);
      this.rendered += 1;
      // The tail held the start of what is now a chunk: empty it until it is drawn again.
      this.tail.replaceChildren();
      this.tailText = '';
      if (performance.now() > deadline) return this.pending;
    }
    const tail = this.text.slice(this.tailStart());
    if (tail !== this.tailText) {
      this.tail.replaceChildren(renderMarkdown(tail));
      this.tailText = tail;
    }
    return false;
  }

  /** Where the part not yet rendered as complete chunks starts. */
  private tailStart(): number {
    return this.rendered === 0 ? 0 : this.scan.ends[this.rendered - 1];
  }
}
