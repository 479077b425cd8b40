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

/** The offset of the 3 bytes of `word` (at least 3 long) that look rarest in ordinary text: the word's anchor. */
function anchorOf(word: Uint8Array): number {
  let best = 0;
  for (let at = 1; at + 3 <= word.length; at++) if (commonness(word, at) < commonness(word, best)) best = at;
  return best;
}

/**
 * A fixed set of words, found case-insensitively (ASCII) in one pass. Each word of 3 bytes or more has an anchor, the
 * 3 of its bytes that look rarest; the pass reads the bytes 4 at a time and looks up each 3 neighbouring bytes (as
 * 6-bit classes: the bytes no anchor holds are all class 0) in one table. Only where an anchor's 3 bytes occur is the
 * whole word compared. A 2-byte word's anchor is its 2 bytes and any third, and it is also looked for at the very end.
 */
export class TriggerSet {
  /** Each byte's class: 1–63 for a byte some anchor holds (either case of a letter alike), else 0. */
  readonly classes = new Uint8Array(256);
  /** The classes of each 2 bytes, read as one 16-bit number (the first byte low): (first's << 6) | second's. */
  readonly pairClasses = new Uint16Array(1 << 16);
  /** Per key (3 classes, 6 bits each): 1 + the first entry whose anchor has that key, or 0. */
  readonly heads = new Uint16Array(1 << 18);
  /** Per entry: the word it finds, its anchor's offset in the word, the next entry with the same key (or -1). */
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
    const anchors = this.words.map((word) => (word.length === 2 ? 0 : anchorOf(word)));
    let classCount = 1;
    this.words.forEach((word, index) => {
      for (const code of word.subarray(anchors[index], anchors[index] + 3)) {
        if (this.classes[code] !== 0) continue;
        if (classCount === 64) throw new Error('trigger words: more than 63 different bytes in their anchors');
        this.classes[code] = classCount;
        if (code >= 97 && code <= 122) this.classes[code - 32] = classCount;
        classCount++;
      }
    });
    this.words.forEach((word, index) => {
      const key = (this.classes[word[anchors[index]]] << 12) | (this.classes[word[anchors[index] + 1]] << 6);
      if (word.length === 2) {
        this.pairs.push(index);
        for (let third = 0; third < classCount; third++) this.addEntry(key | third, index, 0);
      } else this.addEntry(key | this.classes[word[anchors[index] + 2]], index, anchors[index]);
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
      for (let h = 0; h < hits; h++) this.check(bytes, from + HIT_ANCHORS[h], HIT_ENTRIES[h], found);
    }
    this.findInBytes(bytes, quadsEnd, length, found);
    // A 2-byte word in the last two bytes has no third byte to end a key.
    for (const index of this.pairs) if (matchesAt(bytes, length - 2, this.words[index])) found.add(index, length - 2);
    return found.hits ?? NO_HITS;
  }

  /** The classes of the two bytes before `at`, (older << 6) | newer; before the start, classes read as 0 (no anchor holds it). */
  private recentBefore(bytes: Uint8Array, at: number): number {
    return ((at >= 2 ? this.classes[bytes[at - 2]] : 0) << 6) | (at >= 1 ? this.classes[bytes[at - 1]] : 0);
  }

  /** Looks up the key that ends at each of bytes `from`–`to`, and checks the anchors it starts. */
  private findInBytes(bytes: Uint8Array, from: number, to: number, found: Found): void {
    const { classes, heads } = this;
    let recent = this.recentBefore(bytes, from);
    for (let at = from; at < to; at++) {
      const key = (recent << 6) | classes[bytes[at]];
      if (heads[key] !== 0) this.check(bytes, at - 2, heads[key] - 1, found);
      recent = key & 0xfff;
    }
  }

  /** Records the words of `first` and the entries after it (those of one key) whose anchor starts at `anchor`, where they occur whole. */
  private check(bytes: Uint8Array, anchor: number, first: number, found: Found): void {
    for (let entry = first; entry >= 0;) {
      const { word, offset, next } = this.entries[entry];
      const at = anchor - offset;
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
/** The anchors `keysInScratch` found last (at most one per byte): each one's offset in the chunk (from -2), its key's first entry. */
const HIT_ANCHORS = new Int32Array(CHUNK_BYTES);
const HIT_ENTRIES = new Int32Array(CHUNK_BYTES);

/**
 * The pass's hot loop for `set`, kept apart so that V8 compiles it small and early: reads quads 0–`quadCount` of
 * SCRATCH_QUADS (4 bytes each, the first in the lowest byte), looks up the keys that end at their 4 bytes (`recent`:
 * the classes of the two bytes before the chunk) and lists in HIT_ANCHORS and HIT_ENTRIES each key that is an
 * anchor's, in byte order. Returns how many it listed. A closure over the set's tables, not a method reading them:
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
    for (let k = 0; k < quadCount; k++) {
      const quad = SCRATCH_QUADS[k];
      const q = pairClasses[quad & 0xffff];
      const r = pairClasses[quad >>> 16];
      const h0 = heads[(recent << 6) | (q >>> 6)];
      const h1 = heads[((recent & 63) << 12) | q];
      const h2 = heads[(q << 6) | (r >>> 6)];
      const h3 = heads[((q & 63) << 12) | r];
      if ((h0 | h1 | h2 | h3) !== 0) {
        const at = 4 * k - 2;
        hits = listHit(listHit(listHit(listHit(hits, at, h0), at + 1, h1), at + 2, h2), at + 3, h3);
      }
      recent = r;
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

/** Lists the anchor at `anchor` in HIT_ANCHORS and HIT_ENTRIES after the first `hits` if `head` (its key's head) is one; returns the count. */
function listHit(hits: number, anchor: number, head: number): number {
  if (head === 0) return hits;
  HIT_ANCHORS[hits] = anchor;
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
