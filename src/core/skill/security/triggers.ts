/**
 * Where the words that the security patterns start from occur in a file, found in one pass over its UTF-8 bytes.
 * A pattern then runs only on the lines that hold one of its words: an ordinary file costs this one pass, not one
 * pass per pattern.
 */

/** The most positions kept per word: enough for every finding a file may list, bounded on hostile text. */
const MAX_POSITIONS = 200;

/** Each byte lower-cased (ASCII letters folded, everything else as it is). */
const LOWER = new Uint8Array(256).map((_, code) => (code >= 65 && code <= 90 ? code + 32 : code));

/** 1 for the lead bytes of the UTF-8 encodings of the characters that can hide text (U+180E, U+200B–206F, U+FEFF, U+E0000–E007F). */
const HIDING_LEAD = new Uint8Array(256).map((_, code) => (code === 0xe1 || code === 0xe2 || code === 0xef || code === 0xf3 ? 1 : 0));

/** What one pass found. */
export interface TriggerHits {
  /** Byte offsets per word, by the word's index in the set; undefined when the word does not occur. */
  readonly positions: readonly (number[] | undefined)[];
  /** True when the bytes hold a lead byte of a character that may hide text (the text must then be checked for it). */
  readonly mayHide: boolean;
}

/** A fixed set of words, found case-insensitively (ASCII) in one pass. */
export class TriggerSet {
  /** For each lower-cased pair of leading bytes, the indices of the words that start with it. */
  private readonly byPair = new Map<number, number[]>();
  /** 1 where some word starts with that pair (the fast reject of the loop). */
  private readonly pairs = new Uint8Array(256 * 256);
  private readonly words: readonly Uint8Array[];
  private readonly names: readonly string[];

  /** `words` are ASCII, at least 2 characters long; they are matched without regard to case. */
  constructor(words: readonly string[]) {
    this.names = words.map((w) => w.toLowerCase());
    this.words = this.names.map((word) => {
      if (word.length < 2 || /[^\x00-\x7f]/.test(word)) throw new Error(`trigger word ${JSON.stringify(word)}: 2 or more ASCII characters`);
      return Uint8Array.from(word, (c) => c.charCodeAt(0));
    });
    this.words.forEach((word, index) => {
      const key = (word[0] << 8) | word[1];
      this.pairs[key] = 1;
      const list = this.byPair.get(key) ?? [];
      list.push(index);
      this.byPair.set(key, list);
    });
  }

  /** The index of `word` in the set, or -1. */
  indexOf(word: string): number {
    return this.names.indexOf(word.toLowerCase());
  }

  /** Every position of every word in `bytes`, at most MAX_POSITIONS per word. Linear in their length. */
  find(bytes: Uint8Array): TriggerHits {
    const positions: (number[] | undefined)[] = new Array<number[] | undefined>(this.words.length);
    const { pairs } = this;
    let hide = 0;
    let previous = bytes.length > 0 ? LOWER[bytes[0]] : 0;
    for (let i = 1; i < bytes.length; i++) {
      const raw = bytes[i];
      hide |= HIDING_LEAD[raw];
      const current = LOWER[raw];
      const key = (previous << 8) | current;
      previous = current;
      if (pairs[key] === 0) continue;
      for (const index of this.byPair.get(key) ?? []) {
        if (!matchesAt(bytes, i - 1, this.words[index])) continue;
        const list = (positions[index] ??= []);
        if (list.length < MAX_POSITIONS) list.push(i - 1);
      }
    }
    if (bytes.length > 0) hide |= HIDING_LEAD[bytes[0]];
    return { positions, mayHide: hide !== 0 };
  }
}

/** True when `word` (lower-case ASCII bytes) occurs at `at`, ignoring ASCII case; its first two bytes are known to match. */
function matchesAt(bytes: Uint8Array, at: number, word: Uint8Array): boolean {
  if (at + word.length > bytes.length) return false;
  for (let k = 2; k < word.length; k++) if (LOWER[bytes[at + k]] !== word[k]) return false;
  return true;
}
