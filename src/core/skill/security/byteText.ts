/** A UTF-8 text read as bytes: lines found by native search, positions counted in UTF-16 units as VS Code counts them. */
import { isAscii } from 'node:buffer';
import type { Range } from '../types';

/** The bytes of one text, with its line starts (`\n`, `\r\n` and a lone `\r` end a line, as in `LineIndex`). */
export class ByteText {
  private starts: number[] | undefined;
  private carriageReturn: boolean | undefined;
  private plain: Uint8Array | undefined;

  constructor(readonly bytes: Buffer) {}

  /**
   * The bytes as a plain Uint8Array, whose `indexOf` is V8's own: for the short way to a line's end it costs less than
   * Buffer's, which checks its arguments in JavaScript first.
   */
  private get plainBytes(): Uint8Array {
    this.plain ??= new Uint8Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
    return this.plain;
  }

  /** Whether the text holds a `\r` (a line may then end at one), found on first use. */
  private get holdsCarriageReturn(): boolean {
    this.carriageReturn ??= this.bytes.indexOf(13) >= 0;
    return this.carriageReturn;
  }

  /** The offset where each line starts, found on first use. */
  private get lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const { bytes } = this;
    if (!this.holdsCarriageReturn) {
      for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === 10) starts.push(i + 1);
        else if (bytes[i] === 13 && bytes[i + 1] !== 10) starts.push(i + 1);
      }
    }
    this.starts = starts;
    return starts;
  }

  /** The zero-based line of byte `offset`. */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * The line of byte `offset` as [its start, the next line's start), the end past the text on the last line. Without
   * a table of line starts and without a `\r` in the text, it is found by native search from `offset`, which reads
   * only that line: the lines of sorted offsets, each asked for once, cost one read of the text at most.
   */
  lineSpan(offset: number): { start: number; end: number } {
    if (this.starts === undefined && !this.holdsCarriageReturn) {
      const { plainBytes } = this;
      const start = offset === 0 ? 0 : plainBytes.lastIndexOf(10, offset - 1) + 1;
      const next = plainBytes.indexOf(10, offset);
      return { start, end: next < 0 ? plainBytes.length : next + 1 };
    }
    const line = this.lineOf(offset);
    return { start: this.lineStarts[line], end: this.lineStarts[line + 1] ?? this.bytes.length };
  }

  /**
   * The byte offsets where the line of `offset` starts and where its content ends (before its line break), each
   * moved to at most `radius` bytes from `offset`: found by reading no further than that either way.
   */
  lineBoundsWithin(offset: number, radius: number): { start: number; end: number } {
    const { bytes } = this;
    const low = Math.max(0, offset - radius);
    let start = offset;
    while (start > low && bytes[start - 1] !== 10 && bytes[start - 1] !== 13) start--;
    const high = Math.min(bytes.length, offset + radius);
    let end = offset;
    while (end < high && bytes[end] !== 10 && bytes[end] !== 13) end++;
    return { start, end };
  }

  /** The text of bytes `start`–`end`, the ends moved inward off the middle of a character. */
  decode(start: number, end: number): { text: string; start: number; ascii: boolean } {
    let from = start;
    let to = end;
    while (from < to && (this.bytes[from] & 0xc0) === 0x80) from++;
    while (to < this.bytes.length && to > from && (this.bytes[to] & 0xc0) === 0x80) to--;
    const slice = this.bytes.subarray(from, to);
    return { text: slice.toString('utf8'), start: from, ascii: isAscii(slice) };
  }

  /** The range of bytes `start`–`end` in lines and UTF-16 characters. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  private positionAt(offset: number): { line: number; character: number } {
    const line = this.lineOf(offset);
    const slice = this.bytes.subarray(this.lineStarts[line], offset);
    return { line, character: isAscii(slice) ? slice.length : slice.toString('utf8').length };
  }
}
