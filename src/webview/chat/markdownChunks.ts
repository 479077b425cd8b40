/*
 * A streaming reply is one growing Markdown text. Re-rendering all of it on every frame would make a long
 * reply slower with every token, so the text is cut into top-level chunks where rendering each chunk apart
 * gives the same HTML as rendering the whole: at a blank line (outside code fences) followed by an
 * unindented line that does not start a list item (a list item after a blank line may continue a loose
 * list), and at the first non-blank line after the closing line of a fenced code block that opened a
 * chunk. A complete chunk is rendered once and its DOM is kept; only the last, growing chunk is rendered
 * again. A link reference definition (`[label]: url`) applies to the whole text, wherever it is: once a
 * line may be one, the scan says so and the text is no longer cut.
 */

/** An opening or closing fence line: up to 3 spaces, then 3 or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** A line that starts a list item (bullet or ordered): it may continue the list before a blank line. */
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * A line that may be a link reference definition, also inside a list item or a block quote (it may say
 * so of lines that are not: that only costs speed).
 */
const DEFINITION = /^[\s>*+\-\d.)]*\[(?:[^\]\\]|\\.)*\]:/;

/** Whether `line` may be a link reference definition, which applies to the whole text. */
export function mayDefineReference(line: string): boolean {
  return DEFINITION.test(line);
}

/** An open fenced code block. */
export interface OpenFence {
  /** The fence's marker: its backticks or tildes. */
  readonly marker: string;
  /** Where the fence's opening line starts. */
  readonly start: number;
  /** Whether it opened at a chunk boundary with no indentation (its chunk can end with its closing line). */
  readonly topLevel: boolean;
}

/** The state of a scan at a chunk boundary. */
export interface ChunkScan {
  /** Offsets where complete chunks end (each chunk starts where the previous one ended, the first at 0). */
  readonly ends: number[];
  /** Where the scan continues from: the start of the first line not yet known to be complete. */
  position: number;
  /** The open fenced code block, if the scan is inside one. */
  fence: OpenFence | null;
  /** Whether the last scanned line was blank (outside a fence). */
  afterBlank: boolean;
  /** Whether a chunk ends before the next non-blank line (a fenced code block that opened its chunk closed). */
  cutBeforeNext: boolean;
  /** Whether a scanned line outside a code block may define a link reference: no more chunks end after it. */
  definesReference: boolean;
}

/** A scan of an empty text. */
export function newChunkScan(): ChunkScan {
  return { ends: [], position: 0, fence: null, afterBlank: false, cutBeforeNext: false, definesReference: false };
}

/** The fence `line` opens, if any: a backtick fence's info string may not hold a backtick. */
function openingFence(line: string): string | null {
  const match = FENCE.exec(line);
  if (!match) return null;
  return match[1][0] === '`' && match[2].includes('`') ? null : match[1];
}

/** Whether `line` closes a fence opened with `marker`. */
export function closesFence(line: string, marker: string): boolean {
  const match = FENCE.exec(line);
  return match !== null && match[1][0] === marker[0] && match[1].length >= marker.length && match[2].trim() === '';
}

/** Where the last complete chunk ends (0 when there is none). */
function lastEnd(scan: ChunkScan): number {
  return scan.ends.length > 0 ? scan.ends[scan.ends.length - 1] : 0;
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
    if (scan.fence !== null) {
      if (closesFence(line, scan.fence.marker)) {
        scan.cutBeforeNext = scan.fence.topLevel;
        scan.fence = null;
      }
      scan.afterBlank = false;
      continue;
    }
    if (mayDefineReference(line)) scan.definesReference = true;
    const blank = line.trim() === '';
    const unindented = !blank && !/^[ \t]/.test(line);
    const cut = scan.cutBeforeNext ? !blank : unindented && scan.afterBlank && !LIST_ITEM.test(line);
    if (cut && lineStart > lastEnd(scan) && !scan.definesReference) scan.ends.push(lineStart);
    if (!blank) scan.cutBeforeNext = false;
    const marker = openingFence(line);
    if (marker !== null) scan.fence = { marker, start: lineStart, topLevel: unindented && lineStart === lastEnd(scan) };
    scan.afterBlank = blank;
  }
}
