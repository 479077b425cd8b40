/** A UTF-8 text read as bytes: lines found by native search, positions counted in UTF-16 units as VS Code counts them. */
import { isAscii } from 'node:buffer';
import type { Range } from '../types';

/** The bytes of one text, with its line starts (`\n`, `\r\n` and a lone `\r` end a line, as in `LineIndex`). */
export class ByteText {
  private starts: number[] | undefined;

  constructor(readonly bytes: Buffer) {}

  /** The offset where each line starts, found on first use. */
  private get lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const { bytes } = this;
    if (bytes.indexOf(13) < 0) {
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

  /** The byte offsets where the line of `offset` starts and where its content ends (before its line break). */
  lineBounds(offset: number): { start: number; end: number } {
    const line = this.lineOf(offset);
    const start = this.lineStarts[line];
    let end = this.lineStarts[line + 1] ?? this.bytes.length;
    if (end > start && this.bytes[end - 1] === 10) end--;
    if (end > start && this.bytes[end - 1] === 13) end--;
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
