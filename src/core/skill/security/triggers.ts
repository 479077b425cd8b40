/**
 * Where the words that the security patterns start from occur in a file, found in one pass over its UTF-8 bytes.
 * A pattern then runs only on the lines that hold one of its words: an ordinary file costs this one pass, not one
 * pass per pattern.
 */
/** The most positions kept per word: enough for every finding a file may list, bounded on hostile text. */
export const MAX_TRIGGER_POSITIONS = 200;

/** Each byte lower-cased (ASCII letters folded, everything else as it is). */
const LOWER = new Uint8Array(256).map((_, code) => (code >= 65 && code <= 90 ? code + 32 : code));

/** What one pass found. */
export interface TriggerHits {
  /** Byte offsets per word, by the word's index in the set; undefined when the word does not occur. */
  readonly positions: readonly (number[] | undefined)[];
  /** The indices of the words that occur, in the order first found. */
  readonly found: readonly number[];
}

/** Whether this machine stores the low byte of a 16-bit number first (every platform Node runs on, in practice). */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The 16-bit number a pair of adjacent bytes reads as through a `Uint16Array`. */
function pairKey(first: number, second: number): number {
  return LITTLE_ENDIAN ? first | (second << 8) : (first << 8) | second;
}

/** The ASCII letter `code` and its other case, or `code` alone. */
function cases(code: number): number[] {
  return code >= 97 && code <= 122 ? [code, code - 32] : [code];
}

/**
 * A fixed set of words, found case-insensitively (ASCII) in one pass. The pass reads the bytes as 16-bit pairs
 * through one aligned view; the pair at each odd offset is made of two neighbouring pairs' halves, so each position
 * costs a table lookup; only a pair some word starts with (in either case) is looked at further.
 */
export class TriggerSet {
  /** For each pair of leading bytes as read through a `Uint16Array` (either case), 1 + the index of its group in `groups`. */
  private readonly pairs = new Uint16Array(256 * 256);
  /** Per group (one lower-cased leading pair): which lower-cased third bytes its words have, and the words. */
  private readonly groups: { readonly thirds: Uint8Array; readonly words: number[] }[] = [];
  private readonly words: readonly Uint8Array[];
  private readonly names: readonly string[];

  /** `words` are ASCII, at least 2 characters long; they are matched without regard to case. */
  constructor(words: readonly string[]) {
    this.names = words.map((w) => w.toLowerCase());
    this.words = this.names.map((word) => {
      if (word.length < 2 || /[^\x00-\x7f]/.test(word)) throw new Error(`trigger word ${JSON.stringify(word)}: 2 or more ASCII characters`);
      return Uint8Array.from(word, (c) => c.charCodeAt(0));
    });
    const groupOf = new Map<number, number>();
    this.words.forEach((word, index) => {
      const lower = (word[0] << 8) | word[1];
      let group = groupOf.get(lower);
      if (group === undefined) {
        group = this.groups.push({ thirds: new Uint8Array(256), words: [] }) - 1;
        groupOf.set(lower, group);
        for (const first of cases(word[0])) for (const second of cases(word[1])) this.pairs[pairKey(first, second)] = group + 1;
      }
      const { thirds, words: members } = this.groups[group];
      if (word.length === 2) thirds.fill(1);
      else thirds[word[2]] = 1;
      members.push(index);
    });
  }

  /** The index of `word` in the set, or -1. */
  indexOf(word: string): number {
    return this.names.indexOf(word.toLowerCase());
  }

  /** Every position of every word in `bytes`, at most MAX_TRIGGER_POSITIONS per word, each word's in order. Linear in their length. */
  find(bytes: Buffer): TriggerHits {
    const positions: (number[] | undefined)[] = new Array<number[] | undefined>(this.words.length);
    const found: number[] = [];
    const { pairs } = this;
    const view = alignedPairs(bytes);
    const last = view.length - 1;
    for (let k = 0; k <= last; k++) {
      const pair = view[k];
      const even = pairs[pair];
      if (even !== 0) this.check(bytes, 2 * k, even - 1, positions, found);
      // The pair that starts at the odd offset between this pair and the next: this one's second byte, the next one's first.
      const next = k < last ? view[k + 1] : 2 * k + 2 < bytes.length ? (LITTLE_ENDIAN ? bytes[2 * k + 2] : bytes[2 * k + 2] << 8) : -1;
      if (next < 0) break;
      const odd = pairs[LITTLE_ENDIAN ? (pair >>> 8) | ((next & 0xff) << 8) : ((pair & 0xff) << 8) | (next >>> 8)];
      if (odd !== 0) this.check(bytes, 2 * k + 1, odd - 1, positions, found);
    }
    for (const index of found) positions[index]?.sort((a, b) => a - b);
    return { positions, found };
  }

  /** Records the words of `group` that occur at `at`. */
  private check(bytes: Buffer, at: number, group: number, positions: (number[] | undefined)[], found: number[]): void {
    const { thirds, words } = this.groups[group];
    if (at + 2 < bytes.length && thirds[LOWER[bytes[at + 2]]] === 0) return;
    for (const index of words) {
      if (!matchesAt(bytes, at, this.words[index])) continue;
      let list = positions[index];
      if (list === undefined) {
        list = positions[index] = [];
        found.push(index);
      }
      if (list.length < MAX_TRIGGER_POSITIONS) list.push(at);
    }
  }
}

/** The bytes as 16-bit pairs from offset 0, through an aligned view (copied only when the bytes do not start aligned). */
function alignedPairs(bytes: Buffer): Uint16Array {
  const count = bytes.length >> 1;
  if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, count);
  const copy = new Uint16Array(count);
  new Uint8Array(copy.buffer).set(bytes.subarray(0, 2 * count));
  return copy;
}

/** True when `word` (lower-case ASCII bytes) occurs at `at`, ignoring ASCII case; its first two bytes are known to match. */
function matchesAt(bytes: Uint8Array, at: number, word: Uint8Array): boolean {
  if (at + word.length > bytes.length) return false;
  for (let k = 2; k < word.length; k++) if (LOWER[bytes[at + k]] !== word[k]) return false;
  return true;
}
