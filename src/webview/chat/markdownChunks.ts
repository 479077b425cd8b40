/*
 * A streaming reply is one growing Markdown text. Re-rendering all of it on every frame would make a long
 * reply slower with every token, so the text is cut into top-level chunks at blank lines outside code
 * fences: a chunk followed by a blank line and an unindented line is complete, is rendered once and its DOM
 * is kept; only the last, growing chunk is rendered again. (A cost: a reference-style link whose definition
 * sits in another chunk stays text.)
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The state of a scan at a chunk boundary. */
export interface ChunkScan {
  /** Offsets where complete chunks end (each chunk starts where the previous one ended, the first at 0). */
  readonly ends: number[];
  /** Where the scan continues from: the start of the first line not yet known to be complete. */
  position: number;
  /** The open fence's marker while inside a fenced code block, else null. */
  fence: string | null;
  /** Whether the last scanned line was blank (outside a fence). */
  afterBlank: boolean;
}

/** A scan of an empty text. */
export function newChunkScan(): ChunkScan {
  return { ends: [], position: 0, fence: null, afterBlank: false };
}

/**
 * Scans the complete lines of `text` after `scan.position` and records the chunk boundaries found. Only
 * whole lines are scanned (the last line may still grow), so calling it again as the text grows is cheap.
 */
export function scanChunks(scan: ChunkScan, text: string): void {
  for (;;) {
    const newline = text.indexOf('\n', scan.position);
    if (newline < 0) return;
    const line = text.slice(scan.position, newline);
    const lineStart = scan.position;
    scan.position = newline + 1;
    const fence = FENCE.exec(line);
    if (scan.fence !== null) {
      if (fence && fence[1][0] === scan.fence[0] && fence[1].length >= scan.fence.length && line.trim() === fence[1]) scan.fence = null;
      scan.afterBlank = false;
      continue;
    }
    const blank = line.trim() === '';
    const unindented = !blank && !/^[ \t]/.test(line);
    const lastEnd = scan.ends.length > 0 ? scan.ends[scan.ends.length - 1] : 0;
    if (scan.afterBlank && unindented && lineStart > lastEnd) scan.ends.push(lineStart);
    if (fence) scan.fence = fence[1];
    scan.afterBlank = blank;
  }
}
