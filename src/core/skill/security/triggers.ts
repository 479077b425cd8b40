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
  /** Byte offsets per word, by the word's index in the set, in text order; undefined when the word does not occur. */
  readonly positions: readonly (number[] | undefined)[];
  /** The indices of the words that occur. */
  readonly found: readonly number[];
}

const NO_HITS: TriggerHits = { positions: [], found: [] };

/** Whether this machine stores the low byte of a 32-bit number first (every platform Node runs on, in practice). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** Bytes by how common they are in skills' prose and code, most common first; the rest count as rare. */
const COMMON_BYTES = ' etaoinsrhldcumfpgwyb.,v-k/_()x';

/** Pairs of letters common in English words: an anchor that holds one is passed over more often in vain. */
const COMMON_PAIRS = new Set(
  (
    'th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me ' +
    'de hi ri ro ic ne ea ra ce li ch ll be ma si om ur'
  ).split(' '),
);

/**
 * The 200 commonest 3-byte sequences of letters, spaces and `._-/()`, lower-cased, commonest first, in 13 MB of
 * ordinary text (READMEs, JavaScript, Python and shell scripts): an anchor is taken elsewhere in its word if it can.
 */
const COMMON_TRIGRAMS = new Map(
  '   |sel|elf|ion| th|int| re| se|the|rin|ste|nt(|pri|lf.|tio| no|tep|ing|if | in|ent|he | if|  r|ame|  i|  s|nam|def|one| de|tur|for| co|ret|con|str|or |ter|etu|urn|is |and| to| is|non| st|ile|ed |  d|ers|ver|rn |ef |sta|pat|fil|f._|to |not| fo|ate|ons|in | an|res|lin|ort|all|(se|val|  e|ect|ath|pro|pti|end|ng |por|er |ist| pa|on |dat|men|err|ext| a |get|nd |par|est|ot |se |es |typ|opt|dir|  f|ati|der|rea| ex| li|le |ine| fi|sio|ble|rro|ite| pr|tri|rt |lse|imp|req|ype|ode|ass|ror| ca|_re|  t|tes|ult|nte|e i|ead|abl|rom|com|e t|fro|_co|use|rsi|che|pre|ire| di|nal|ser|nde|  c| of|ack|mpo|ont|set|th |ins|nst|lue|alu| wi|equ|cal|st |ted|lib| op|eme|of |ase| tr|exc|arg|ata|_in|tex|orm|ess|s t| be| el|tra|om |tor|e a|ith| ma|nt |out|tho|col|s a|t i|cod|las|---|me |app| lo|len|re |ind|s n| it|et_'
    .split('|')
    .map((trigram, rank, all) => [trigram, all.length - rank]),
);

/** How common the 3 bytes of `word` at `at` look in ordinary text: higher for more common ones. */
function commonness(word: Uint8Array, at: number): number {
  const trigram = String.fromCharCode(word[at], word[at + 1], word[at + 2]);
  let score = (COMMON_TRIGRAMS.get(trigram) ?? -1000) + 1000;
  for (let k = at; k < at + 3; k++) {
    const rank = COMMON_BYTES.indexOf(String.fromCharCode(word[k]));
    if (rank >= 0) score += COMMON_BYTES.length - rank;
    if (k > at && COMMON_PAIRS.has(String.fromCharCode(word[k - 1], word[k]))) score += 40;
  }
  return score;
}

/** The offset of the 4 bytes of `word` (at least 4 long) whose two 3-byte sequences look rarest in ordinary text: the word's anchor. */
function anchorOf(word: Uint8Array): number {
  const cost = (at: number): number => commonness(word, at) + commonness(word, at + 1);
  let best = 0;
  for (let at = 1; at + 4 <= word.length; at++) if (cost(at) < cost(best)) best = at;
  return best;
}

/**
 * A fixed set of words, found case-insensitively (ASCII) in one pass. The pass reads the bytes 4 at a time and looks
 * up the 3 bytes that end at each odd offset (as 6-bit classes: the bytes no key holds are all class 0) in one
 * table; only where a key of some word occurs is the whole word compared. Half the offsets are enough: of the two
 * 3-byte sequences in 4 bytes, one ends at an odd offset, so a word of 4 bytes or more has both of its anchor's (the 4
 * of its bytes that look rarest) as keys. A 3-byte word's keys are its 3 bytes and its first 2 after any byte; a 2-byte
 * word's are its 2 bytes after any byte and before any byte, and it is also looked for at the very end.
 */
export class TriggerSet {
  /** Each byte's class: 1–63 for a byte some key holds (either case of a letter alike), else 0. */
  readonly classes = new Uint8Array(256);
  /** The classes of each 2 bytes, read as one 16-bit number (the first byte low): (first's << 6) | second's. */
  readonly pairClasses = new Uint16Array(1 << 16);
  /** Per key (3 classes, 6 bits each): 1 + the first entry with that key, or 0. */
  readonly heads = new Uint16Array(1 << 18);
  /** Per entry: the word it finds, the offset of its key's first byte in the word (-1: the byte before it), the next entry with the same key (or -1). */
  private readonly entries: { readonly word: number; readonly offset: number; readonly next: number }[] = [];
  /** The 2-byte words, by index. */
  private readonly pairs: number[] = [];
  private readonly words: readonly Uint8Array[];
  private readonly names: readonly string[];

  /** `words` are ASCII, at least 2 characters long; they are matched without regard to case. */
  constructor(words: readonly string[]) {
    this.names = words.map((w) => w.toLowerCase());
    this.words = this.names.map((word) => {
      if (word.length < 2 || /[^\x00-\x7f]/.test(word)) throw new Error(`trigger word ${JSON.stringify(word)}: 2 or more ASCII characters`);
      return Uint8Array.from(word, (c) => c.charCodeAt(0));
    });
    const anchors = this.words.map((word) => (word.length < 4 ? 0 : anchorOf(word)));
    let classCount = 1;
    this.words.forEach((word, index) => {
      for (const code of word.subarray(anchors[index], anchors[index] + 4)) {
        if (this.classes[code] !== 0) continue;
        if (classCount === 64) throw new Error('trigger words: more than 63 different bytes in their anchors');
        this.classes[code] = classCount;
        if (code >= 97 && code <= 122) this.classes[code - 32] = classCount;
        classCount++;
      }
    });
    const { classes } = this;
    const keyOf = (word: Uint8Array, at: number): number =>
      (classes[word[at]] << 12) | (classes[word[at + 1]] << 6) | classes[word[at + 2]];
    // A word's entries go in by offset: `check` takes the latest first, so two occurrences at one key come in text order.
    this.words.forEach((word, index) => {
      const anchor = anchors[index];
      if (word.length >= 4) {
        this.addEntry(keyOf(word, anchor), index, anchor);
        this.addEntry(keyOf(word, anchor + 1), index, anchor + 1);
        return;
      }
      const pair = (classes[word[0]] << 6) | classes[word[1]];
      for (let before = 0; before < classCount; before++) this.addEntry((before << 12) | pair, index, -1);
      if (word.length === 3) this.addEntry(keyOf(word, 0), index, 0);
      else {
        this.pairs.push(index);
        for (let after = 0; after < classCount; after++) this.addEntry((pair << 6) | after, index, 0);
      }
    });
    fillPairClasses(this.classes, this.pairClasses);
  }

  /** The pass's hot loop over SCRATCH_QUADS, with this set's tables (the same arrays the constructor fills). */
  private readonly keysInScratch = scratchScanner(this);

  private addEntry(key: number, word: number, offset: number): void {
    this.entries.push({ word, offset, next: this.heads[key] - 1 });
    this.heads[key] = this.entries.length;
  }

  /** The index of `word` in the set, or -1. */
  indexOf(word: string): number {
    return this.names.indexOf(word.toLowerCase());
  }

  /** Every position of every word in `bytes`, at most MAX_TRIGGER_POSITIONS per word, each word's in order. Linear in their length. */
  find(bytes: Uint8Array): TriggerHits {
    const found = new Found(this.words.length);
    const length = bytes.length;
    // The whole quads chunk by chunk through the scratch buffer, then the last 0–3 bytes one by one.
    const quadsEnd = LITTLE_ENDIAN ? length - (length & 3) : 0;
    for (let from = 0; from < quadsEnd; from += CHUNK_BYTES) {
      const to = Math.min(quadsEnd, from + CHUNK_BYTES);
      SCRATCH_BYTES.set(bytes.subarray(from, to));
      const hits = this.keysInScratch((to - from) >>> 2, this.recentBefore(bytes, from));
      for (let h = 0; h < hits; h++) this.check(bytes, from + HIT_KEYS[h], HIT_ENTRIES[h], found);
    }
    this.findInBytes(bytes, quadsEnd, length, found);
    // A 2-byte word in the last two bytes, ending at an even offset, has no third byte to end a key at an odd one.
    if ((length & 1) === 1)
      for (const index of this.pairs) if (matchesAt(bytes, length - 2, this.words[index])) found.add(index, length - 2);
    return found.hits ?? NO_HITS;
  }

  /** The classes of the two bytes before `at`, (older << 6) | newer; before the start, classes read as 0 (no key holds it). */
  private recentBefore(bytes: Uint8Array, at: number): number {
    return ((at >= 2 ? this.classes[bytes[at - 2]] : 0) << 6) | (at >= 1 ? this.classes[bytes[at - 1]] : 0);
  }

  /** Looks up the key that ends at each odd offset of bytes `from`–`to`, and checks the words it starts. */
  private findInBytes(bytes: Uint8Array, from: number, to: number, found: Found): void {
    const { classes, heads } = this;
    let recent = this.recentBefore(bytes, from);
    for (let at = from; at < to; at++) {
      const key = (recent << 6) | classes[bytes[at]];
      if ((at & 1) === 1 && heads[key] !== 0) this.check(bytes, at - 2, heads[key] - 1, found);
      recent = key & 0xfff;
    }
  }

  /** Records the words of entry `first` and the entries after it (those of one key), where they occur whole with that key at `keyAt`. */
  private check(bytes: Uint8Array, keyAt: number, first: number, found: Found): void {
    for (let entry = first; entry >= 0;) {
      const { word, offset, next } = this.entries[entry];
      const at = keyAt - offset;
      if (matchesAt(bytes, at, this.words[word])) found.add(word, at);
      entry = next;
    }
  }
}

/** How many bytes one call of `keysInScratch` reads: a multiple of 4. */
const CHUNK_BYTES = 16384;
/**
 * The bytes the pass's hot loop reads, copied from the file chunk by chunk: one buffer for every pass, so that the
 * compiled loop knows its type and address and checks neither at each quad (a file's own `Uint32Array` would be).
 */
const SCRATCH_QUADS = new Uint32Array(CHUNK_BYTES / 4);
const SCRATCH_BYTES = new Uint8Array(SCRATCH_QUADS.buffer);
/** The keys `keysInScratch` found last (at most one per 2 bytes): each one's offset in the chunk (from -1), its first entry. */
const HIT_KEYS = new Int32Array(CHUNK_BYTES / 2);
const HIT_ENTRIES = new Int32Array(CHUNK_BYTES / 2);

/**
 * The pass's hot loop for `set`, kept apart so that V8 compiles it small and early: reads quads 0–`quadCount` of
 * SCRATCH_QUADS (4 bytes each, the first in the lowest byte), looks up the keys that end at their 2nd and 4th bytes
 * (`recent`: the classes of the two bytes before the chunk) and lists in HIT_KEYS and HIT_ENTRIES each key that
 * is some word's, in byte order. Returns how many it listed. A closure over the set's tables, not a method reading them:
 * V8 compiles a function made once (as the lint's one set makes it) with the constants of its scope inlined, so the
 * loop neither checks the tables' type nor reloads their address and length at each quad.
 */
function scratchScanner(set: {
  readonly pairClasses: Uint16Array;
  readonly heads: Uint16Array;
}): (quadCount: number, recent: number) => number {
  const { pairClasses, heads } = set;
  return (quadCount, recent) => {
    let hits = 0;
    let last = recent & 63;
    for (let k = 0; k < quadCount; k++) {
      const quad = SCRATCH_QUADS[k];
      const q = pairClasses[quad & 0xffff];
      const r = pairClasses[quad >>> 16];
      const h1 = heads[(last << 12) | q];
      const h3 = heads[((q & 63) << 12) | r];
      if ((h1 | h3) !== 0) hits = listHit(listHit(hits, 4 * k - 1, h1), 4 * k + 1, h3);
      last = r & 63;
    }
    return hits;
  };
}

/** Fills `pairs` with the classes of each 2 bytes (see `TriggerSet.pairClasses`), a row of 256 at a time. */
function fillPairClasses(classes: Uint8Array, pairs: Uint16Array): void {
  const firsts = Uint16Array.from(classes, (first) => first << 6);
  const rows = new Map<number, Uint16Array>();
  for (let second = 0; second < 256; second++) {
    const secondClass = classes[second];
    let row = rows.get(secondClass);
    if (row === undefined) rows.set(secondClass, (row = firsts.map((first) => first | secondClass)));
    pairs.set(row, second << 8);
  }
}

/** Lists the key at `at` in HIT_KEYS and HIT_ENTRIES after the first `hits` if it is some word's (`head`: its entry in `heads`); returns the count. */
function listHit(hits: number, at: number, head: number): number {
  if (head === 0) return hits;
  HIT_KEYS[hits] = at;
  HIT_ENTRIES[hits] = head - 1;
  return hits + 1;
}

/** The positions found so far, allocated at the first one (most files hold no trigger word). */
class Found {
  hits: { positions: (number[] | undefined)[]; found: number[] } | undefined;

  constructor(private readonly count: number) {}

  add(word: number, at: number): void {
    this.hits ??= { positions: new Array<number[] | undefined>(this.count), found: [] };
    let list = this.hits.positions[word];
    if (list === undefined) {
      list = this.hits.positions[word] = [];
      this.hits.found.push(word);
    }
    if (list.length < MAX_TRIGGER_POSITIONS) list.push(at);
  }
}

/** True when `word` (lower-case ASCII bytes) occurs at `at`, ignoring ASCII case. */
function matchesAt(bytes: Uint8Array, at: number, word: Uint8Array): boolean {
  if (at < 0 || at + word.length > bytes.length) return false;
  for (let k = 0; k < word.length; k++) if (LOWER[bytes[at + k]] !== word[k]) return false;
  return true;
}
