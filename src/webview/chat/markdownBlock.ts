import { el } from './dom';
import { renderMarkdown, renderMarkdownEach } from './markdown';
import { closesFence, mayDefineReference, newChunkScan, scanChunks, type ChunkScan } from './markdownChunks';

/**
 * Complete chunks are grouped in sections of this many, and a section off screen skips layout and paint
 * (`content-visibility: auto`): one such element per chunk would have the browser check thousands of
 * elements against the viewport on every frame.
 */
const SECTION_CHUNKS = 32;
/** Complete chunks are rendered and sanitised together up to about this many characters at a time. */
const BATCH_CHARS = 8_000;
/**
 * After drawing the tail took `t` ms, it is not drawn again for `TAIL_BACKOFF * t` ms: a chunk that cannot be
 * cut (a long table or tight list) takes at most a quarter of the page's time, however long it grows.
 */
const TAIL_BACKOFF = 3;
/** What markdown-it replaces before it parses: every line end becomes `\n`, NUL becomes U+FFFD. */
const LINE_END = /\r\n?/g;
const NUL = /\0/g;

/** The text nodes that show an open fenced code block's content as it streams. */
interface OpenCode {
  /** Where the fence's opening line starts. */
  readonly start: number;
  /** The complete lines of its content. */
  readonly lines: Text;
  /** Where the complete lines end. */
  end: number;
  /** The last line, while it has no line end yet. */
  readonly partial: Text;
}

/**
 * The DOM of one streamed text block. Complete chunks are rendered once and kept; the growing last chunk is
 * rendered again when the text changed, except an open fenced code block, whose new lines are appended to
 * a text node. `render` does as much as its time budget allows and says whether work is left, so a huge text
 * (a restored conversation) is drawn over several frames instead of one long one.
 */
export class MarkdownBlock {
  readonly element = el('div', { className: 'markdown' });
  private readonly tail = el('div', { className: 'markdown-chunk' });
  /** The section complete chunks are added to, until it holds `SECTION_CHUNKS` of them. */
  private section: HTMLElement | null = null;
  /** The block's text as it came. */
  private raw = '';
  /** The text as markdown-it parses it (see `LINE_END`): what the chunks are cut from. */
  private text = '';
  private scan: ChunkScan = newChunkScan();
  /** How many of `scan.ends` have their DOM. */
  private rendered = 0;
  /** Where the text the tail element shows ends, or -1 when it must be drawn anew. */
  private tailEnd = -1;
  private openCode: OpenCode | null = null;
  /** When the tail may be drawn again (see `TAIL_BACKOFF`). */
  private tailNotBefore = 0;
  /**
   * Whether the text may define a link reference (see markdownChunks.ts): then all of it is the tail, drawn
   * whole, as the definition may change any chunk.
   */
  private whole = false;

  constructor() {
    this.element.append(this.tail);
  }

  /** The block's whole text so far (a streamed block only grows; anything else starts over). */
  setText(text: string): void {
    if (!text.startsWith(this.raw)) {
      this.raw = '';
      this.text = '';
      this.scan = newChunkScan();
      this.tailNotBefore = 0;
      this.forgetChunks();
      this.whole = false;
    }
    let added = text.slice(this.raw.length);
    // A `\r` that ended the last text was a line end already.
    if (this.raw.endsWith('\r') && added.startsWith('\n')) added = added.slice(1);
    this.raw = text;
    this.text += added.replace(LINE_END, '\n').replace(NUL, '\uFFFD');
    scanChunks(this.scan, this.text);
    if (!this.whole && (this.scan.definesReference || mayDefineReference(this.text.slice(this.text.lastIndexOf('\n') + 1)))) {
      this.whole = true;
      this.forgetChunks();
    }
  }

  /** Drops the chunks' DOM: the tail is all there is, drawn anew. */
  private forgetChunks(): void {
    this.rendered = 0;
    this.tailEnd = -1;
    this.openCode = null;
    this.section = null;
    this.element.replaceChildren(this.tail);
  }

  /** Whether `render` has anything left to draw. */
  get pending(): boolean {
    return this.chunksLeft() || this.tailEnd !== this.text.length;
  }

  /** Draws chunks until `deadline` (a `performance.now()` time); returns whether work is left. */
  render(deadline: number): boolean {
    const ends = this.scan.ends;
    while (this.chunksLeft()) {
      const batch: string[] = [];
      for (let start = this.tailStart(), size = 0; this.rendered + batch.length < ends.length && size < BATCH_CHARS;) {
        const end = ends[this.rendered + batch.length];
        batch.push(this.text.slice(start, end));
        size += end - start;
        start = end;
      }
      for (const chunk of Array.from(renderMarkdownEach(batch, 'markdown-chunk').children)) this.sectionWithRoom().append(chunk);
      this.rendered += batch.length;
      // The tail held the start of what is now a chunk: empty it until it is drawn again.
      this.tail.replaceChildren();
      this.tailEnd = -1;
      this.openCode = null;
      if (performance.now() > deadline) return this.pending;
    }
    if (this.tailEnd === this.text.length) return false;
    const started = performance.now();
    if (started < this.tailNotBefore) return true;
    this.renderTail();
    this.tailNotBefore = started + TAIL_BACKOFF * (performance.now() - started);
    return false;
  }

  /** Draws the growing last chunk. */
  private renderTail(): void {
    const start = this.tailStart();
    const fence = this.scan.fence;
    if (!(fence?.topLevel && fence.start === start && this.appendToOpenCode(start))) {
      this.openCode = null;
      this.tail.replaceChildren(renderMarkdown(this.text.slice(start)));
    }
    this.tailEnd = this.text.length;
  }

  /**
   * Shows the open fenced code block that starts at `start` and fills the tail: what markdown-it makes of
   * it is the `<pre><code>` of its opening line holding the rest of the text, so only the opening line is
   * rendered, the complete lines after it are appended to a text node, and the last line, until it is
   * complete, is shown apart. False when markdown-it does not make a code block of the opening line.
   */
  private appendToOpenCode(start: number): boolean {
    let open = this.openCode;
    if (open?.start !== start) {
      const contentStart = this.text.indexOf('\n', start) + 1;
      const opening = renderMarkdown(this.text.slice(start, contentStart));
      const code = opening.querySelector('pre > code');
      if (code === null) return false;
      open = { start, lines: document.createTextNode(''), end: contentStart, partial: document.createTextNode('') };
      code.append(open.lines, open.partial);
      this.tail.replaceChildren(opening);
      this.openCode = open;
    }
    const lastLine = this.text.lastIndexOf('\n') + 1;
    if (lastLine > open.end) {
      open.lines.appendData(this.text.slice(open.end, lastLine));
      open.end = lastLine;
    }
    // markdown-it leaves out a last line without a line end that is blank so far, or that closes the block.
    const partial = this.text.slice(lastLine);
    open.partial.data = partial.trim() === '' || (this.scan.fence !== null && closesFence(partial, this.scan.fence.marker)) ? '' : partial;
    return true;
  }

  /** The last section, or a new one when it is full. */
  private sectionWithRoom(): HTMLElement {
    if (this.section === null || this.section.childElementCount >= SECTION_CHUNKS) {
      this.section = el('div', { className: 'markdown-section' });
      this.tail.before(this.section);
    }
    return this.section;
  }

  /** Whether complete chunks are left to draw. */
  private chunksLeft(): boolean {
    return !this.whole && this.rendered < this.scan.ends.length;
  }

  /** Where the part not yet rendered as complete chunks starts. */
  private tailStart(): number {
    return this.rendered === 0 ? 0 : this.scan.ends[this.rendered - 1];
  }
}
