/** Output written in pieces of a useful size: neither one write per finding nor one string for the whole report. */

/** How many characters are gathered before a write. */
const CHUNK = 64 * 1024;

/** A `write` for many small pieces, and `flush` for the rest. */
export interface BufferedOutput {
  readonly write: (text: string) => void;
  readonly flush: () => void;
}

/** Gathers text for `stream` and writes it in chunks. */
export function bufferedOutput(stream: { write(text: string): unknown }): BufferedOutput {
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (size === 0) return;
    stream.write(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= CHUNK) flush();
    },
    flush,
  };
}
