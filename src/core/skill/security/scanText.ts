/** The security scan of one file of a skill, read as UTF-8 text: hidden text, the `security-…` patterns and keys found by content. */
import { isUtf8 } from 'node:buffer';
import { isRealKey, KEY_FORMATS } from '../../bundle/secretContent';
import { finding, type Finding } from '../finding';
import { LineIndex } from '../text';
import type { Range, RuleId } from '../types';
import { ByteText } from './byteText';
import { findHiddenRuns, mayHoldHiddenText } from './hiddenText';
import { SECURITY_PATTERNS, SENDING_WORDS, type FileScope, type PatternRuleId, type ScanContext } from './patterns';
import { MAX_TRIGGER_POSITIONS, TriggerSet, type TriggerHits } from './triggers';

/** The most findings of one rule listed for one file; the scan stops looking for that rule there. */
export const MAX_SECURITY_FINDINGS_PER_RULE = 50;

/** What the scan knows of the file besides its text. */
export interface ScanTarget {
  /** The folder-relative POSIX path; `SKILL.md` (or a mis-cased one) for the skill's own file. */
  readonly relativePath: string;
  /** True for the skill's SKILL.md: its findings carry no `file`, as the linter's own do. */
  readonly isSkillMd: boolean;
  /** True when the file was allowed by name although it looks like a secret: keys in it are not reported. */
  readonly secretAllowed?: boolean;
}

const MARKDOWN = /\.(?:md|markdown|mdx|txt|html?)$/i;
const SCRIPT = /\.(?:py|sh|bash|zsh|js|mjs|cjs|ts|mts|cts|rb|pl|php|ps1|psm1)$/i;

/** Each scope as one bit of a file's scopes. */
const SCOPE_BITS: Readonly<Record<FileScope, number>> = { any: 1, 'skill-md': 2, markdown: 4, script: 8 };

/** The scopes a file falls in, as the sum of their SCOPE_BITS. */
function scopesOf(target: ScanTarget, bytes: Uint8Array): number {
  let scopes = SCOPE_BITS.any;
  if (target.isSkillMd) scopes |= SCOPE_BITS['skill-md'] | SCOPE_BITS.markdown;
  else if (MARKDOWN.test(target.relativePath)) scopes |= SCOPE_BITS.markdown;
  if (SCRIPT.test(target.relativePath) || (bytes[0] === 0x23 && bytes[1] === 0x21)) scopes |= SCOPE_BITS.script;
  return scopes;
}

/** Every word any pattern or key format starts from, each once, found in one pass per file. */
const TRIGGERS = new TriggerSet([
  ...new Set([
    ...SECURITY_PATTERNS.flatMap((p) => p.triggers),
    ...KEY_FORMATS.flatMap((k) => k.triggers),
    ...[...SECURITY_PATTERNS, ...KEY_FORMATS].flatMap((e) => e.alsoOnLine ?? []).filter((word) => word.length > 1),
    ...SENDING_WORDS,
    'curl',
    'wget',
  ]),
]);
const PATTERN_TRIGGERS = SECURITY_PATTERNS.map((p) => p.triggers.map((word) => TRIGGERS.indexOf(word)));
const KEY_TRIGGERS = KEY_FORMATS.map((k) => k.triggers.map((word) => TRIGGERS.indexOf(word)));
const PATTERN_ALSO = SECURITY_PATTERNS.map((p) => alsoWords(p.alsoOnLine));
const KEY_ALSO = KEY_FORMATS.map((k) => alsoWords(k.alsoOnLine));
/** For each trigger word, the patterns and key formats it starts (most files hold none, and need none looked at). */
const PATTERNS_OF_WORD = triggersIndex(PATTERN_TRIGGERS);
const KEYS_OF_WORD = triggersIndex(KEY_TRIGGERS);
const SENDING_TRIGGERS = SENDING_WORDS.map((word) => TRIGGERS.indexOf(word));
const FETCH_TRIGGERS = ['curl', 'wget'].map((word) => TRIGGERS.indexOf(word));

/** The words of an `alsoOnLine`: those of the trigger set by index, single bytes by their code; undefined when there are none. */
interface AlsoWords {
  readonly words: readonly number[];
  readonly bytes: readonly number[];
}

function alsoWords(words: readonly string[] | undefined): AlsoWords | undefined {
  if (words === undefined) return undefined;
  return {
    words: words.filter((w) => w.length > 1).map((w) => TRIGGERS.indexOf(w)),
    bytes: words.filter((w) => w.length === 1).map((w) => w.charCodeAt(0)),
  };
}

/** For each word index, the indices of the entries of `triggersOf` that list it (undefined for none). */
function triggersIndex(triggersOf: readonly (readonly number[])[]): (number[] | undefined)[] {
  const index: (number[] | undefined)[] = [];
  triggersOf.forEach((words, entry) => words.forEach((word) => (index[word] ??= []).push(entry)));
  return index;
}

/**
 * The entries (patterns or key formats) that a found word starts, each once, in their own order. Loops by index and
 * inserts in order: this runs for most files before V8 optimizes it, where `for…of` and `sort` allocate.
 */
function entriesHit(found: readonly number[], ofWord: readonly (readonly number[] | undefined)[]): number[] {
  const hit: number[] = [];
  for (let f = 0; f < found.length; f++) {
    const entries = ofWord[found[f]];
    if (entries === undefined) continue;
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e];
      if (hit.includes(entry)) continue;
      let at = hit.length;
      for (; at > 0 && hit[at - 1] > entry; at--) hit[at] = hit[at - 1];
      hit[at] = entry;
    }
  }
  return hit;
}

/** How far around a trigger a pattern reads on a long line (a whole line when it is shorter), in bytes. */
const WINDOW = 1000;

/** The security findings of `text` (SKILL.md in the editor), the same as those of its UTF-8 bytes. Never throws. */
export function scanText(text: string, target: ScanTarget): Finding[] {
  return scanUtf8(Buffer.from(text, 'utf8'), target);
}

/**
 * The findings of `text`, which was decoded from `utf8` and then lost a leading byte-order mark if it had one: those
 * bytes are scanned as they are when they are valid UTF-8 (they are then the text's own encoding), else the text is
 * encoded again. Never throws.
 */
export function scanDecoded(text: string, utf8: Buffer, target: ScanTarget): Finding[] {
  if (!isUtf8(utf8)) return scanText(text, target);
  const bom = utf8.length >= 3 && utf8[0] === 0xef && utf8[1] === 0xbb && utf8[2] === 0xbf;
  return scanUtf8(bom ? utf8.subarray(3) : utf8, target);
}

/**
 * The security findings of `bytes`, the UTF-8 content of `target`. Never throws; linear in their length (the caller
 * bounds that): one pass finds the trigger words, and each pattern runs only on the lines (at most 2,000 bytes
 * around a trigger) that hold one of its words. Binary content (holding NUL) is not scanned.
 */
export function scanUtf8(bytes: Buffer, target: ScanTarget): Finding[] {
  if (bytes.includes(0)) return [];
  const hits = TRIGGERS.find(bytes);
  const hides = mayHoldHiddenText(bytes);
  if (hits.found.length === 0 && !hides) return [];
  const source = new ByteText(bytes);
  const out = new FindingsOf(source, target);
  if (hides) addHiddenText(bytes, out);
  if (hits.found.length === 0) return out.findings;
  const scopes = scopesOf(target, bytes);
  let context: FileContext | undefined; // what `accept` reads, made for the first match that has one
  const patterns = entriesHit(hits.found, PATTERNS_OF_WORD);
  for (let p = 0; p < patterns.length; p++) {
    const index = patterns[p];
    const { rule, scope, pattern, what, accept } = SECURITY_PATTERNS[index];
    if ((scopes & SCOPE_BITS[scope]) === 0) continue;
    const anchors = onLinesWith(positionsOf(hits.positions, PATTERN_TRIGGERS[index]), PATTERN_ALSO[index], hits, source);
    if (anchors.length === 0) continue;
    out.eachMatch(pattern, anchors, (match, at) => {
      if (out.isSameLine(rule, at) || (accept && !accept(match, at, (context ??= new FileContext(source, hits))))) return true;
      return out.add(rule, at, at + Buffer.byteLength(match[0]), `${capitalise(what)}: \`${snippet(match[0])}\`. ${HINTS[rule]}`);
    });
  }
  if (!target.secretAllowed) {
    const formats = entriesHit(hits.found, KEYS_OF_WORD);
    for (let f = 0; f < formats.length; f++) {
      const index = formats[f];
      const format = KEY_FORMATS[index];
      const anchors = onLinesWith(positionsOf(hits.positions, KEY_TRIGGERS[index]), KEY_ALSO[index], hits, source);
      if (anchors.length === 0) continue;
      out.eachMatch(format.pattern, anchors, (match, at) => {
        if (!isRealKey(match, format)) return true;
        const line = source.lineOf(at) + 1;
        const message = `Line ${line.toLocaleString('en-US')} of \`${target.relativePath}\` looks like ${format.kind}, so publish and pack refuse the folder. Remove the key (and revoke it if it was ever shared), or allow \`${target.relativePath}\` by name if it must be uploaded.`;
        return out.add('upload-secret', at, at + Buffer.byteLength(match[0]), message);
      });
    }
  }
  return out.findings;
}

/** Adds the hidden-text findings: the text is decoded whole, as only files holding such a character get here. */
function addHiddenText(bytes: Buffer, out: FindingsOf): void {
  const text = bytes.toString('utf8');
  const runs = findHiddenRuns(text, MAX_SECURITY_FINDINGS_PER_RULE + 1);
  if (runs.length === 0) return;
  const lines = new LineIndex(text);
  for (const run of runs) {
    if (
      !out.addAt(
        'security-hidden-text',
        lines.rangeOf(run.start, run.end),
        `Hidden text: ${run.description}. A reader does not see it; Claude does. Delete it.`,
      )
    )
      break;
  }
}

/** The positions of the given trigger words, in text order (the list `positions` holds when only one of them occurs). */
function positionsOf(positions: readonly (number[] | undefined)[], words: readonly number[]): readonly number[] {
  let only: number[] | undefined;
  let lists = 0;
  for (let w = 0; w < words.length; w++) {
    const found = positions[words[w]];
    if (found === undefined) continue;
    only = found;
    lists++;
  }
  if (lists <= 1) return only ?? [];
  const all: number[] = [];
  for (let w = 0; w < words.length; w++) {
    const found = positions[words[w]];
    if (found) all.push(...found);
  }
  return all.sort((a, b) => a - b);
}

/** Which anchors `onLinesWith` keeps, by index: one buffer for every call, all 0 between calls. */
let keptFlags = new Uint8Array(256);

/**
 * The trigger positions `anchors` (in text order) whose line also holds one of `also` (all of them without `also`).
 * When a word of `also` occurs more often than positions are kept, its lines are not all known, and every anchor is
 * kept. Each word's lines are walked in order beside the anchors: no table of the file's lines, no sort.
 */
function onLinesWith(anchors: readonly number[], also: AlsoWords | undefined, hits: TriggerHits, source: ByteText): readonly number[] {
  if (also === undefined || anchors.length === 0) return anchors;
  const { words, bytes } = also;
  for (let w = 0; w < words.length; w++) if ((hits.positions[words[w]]?.length ?? 0) >= MAX_TRIGGER_POSITIONS) return anchors;
  const byteMarks: number[][] | undefined = bytes.length === 0 ? undefined : [];
  for (let b = 0; b < bytes.length; b++) {
    const marks: number[] = [];
    for (let at = source.bytes.indexOf(bytes[b]); at >= 0; at = source.bytes.indexOf(bytes[b], at + 1)) {
      if (marks.length === MAX_TRIGGER_POSITIONS) return anchors;
      marks.push(at);
    }
    byteMarks?.push(marks);
  }
  if (keptFlags.length < anchors.length) keptFlags = new Uint8Array(anchors.length * 2);
  let kept = 0;
  for (let w = 0; w < words.length; w++) {
    const marks = hits.positions[words[w]];
    if (marks !== undefined) kept += flagAnchorsOnLinesOf(marks, anchors, source, keptFlags);
  }
  for (let b = 0; byteMarks !== undefined && b < byteMarks.length; b++)
    kept += flagAnchorsOnLinesOf(byteMarks[b], anchors, source, keptFlags);
  if (kept === 0) return [];
  const onLines: number[] = [];
  for (let a = 0; a < anchors.length; a++) {
    if (keptFlags[a] === 0) continue;
    keptFlags[a] = 0;
    onLines.push(anchors[a]);
  }
  return onLines;
}

/** Flags in `flags` the anchors on the lines of `marks` (both in text order); how many it flagged that were not yet. */
function flagAnchorsOnLinesOf(marks: readonly number[], anchors: readonly number[], source: ByteText, flags: Uint8Array): number {
  let flagged = 0;
  let next = 0;
  let lineEnd = -1;
  for (let m = 0; m < marks.length && next < anchors.length; m++) {
    if (marks[m] < lineEnd) continue; // on the line just taken
    const line = source.lineSpan(marks[m]);
    lineEnd = line.end;
    while (next < anchors.length && anchors[next] < line.start) next++;
    for (; next < anchors.length && anchors[next] < line.end; next++) {
      if (flags[next] === 1) continue;
      flags[next] = 1;
      flagged++;
    }
  }
  return flagged;
}

/** What the checks of a match read of the rest of the file, each read bounded. */
class FileContext implements ScanContext {
  private fetched: string[] | undefined;

  constructor(
    private readonly source: ByteText,
    private readonly hits: TriggerHits,
  ) {}

  lineBefore(at: number): string {
    return this.source.decode(this.source.lineBoundsWithin(at, 300).start, at).text;
  }

  commentAt(at: number): string | undefined {
    const close = this.source.bytes.indexOf('-->', at + 4);
    return close < 0 || close - at > 2000 ? undefined : this.source.decode(at, close + 3).text;
  }

  sends(): boolean {
    return SENDING_TRIGGERS.some((word) => this.hits.positions[word] !== undefined);
  }

  fetchLines(): readonly string[] {
    this.fetched ??= positionsOf(this.hits.positions, FETCH_TRIGGERS)
      .slice(0, 100)
      .map((at) => this.source.decode(at, this.source.lineBoundsWithin(at, 300).end).text);
    return this.fetched;
  }
}

/** What each rule asks of the author, after what was found. */
const HINTS: Readonly<Record<PatternRuleId, string>> = {
  'security-instruction-override': 'A skill adds to what Claude does; it must not overrule the user or the system. Remove it.',
  'security-conceal-from-user': "A skill must not act behind the user's back. Remove it, or tell the user instead.",
  'security-hidden-comment': 'What Claude reads should be what the reviewer sees. Make it visible text or delete it.',
  'security-greedy-description': 'Say when the skill applies, so Claude can choose it for the right requests only.',
  'security-exfiltration': 'Send only what the task needs, to a documented endpoint, and say so in SKILL.md.',
  'security-download-exec': 'Bundle the script in the skill, or install a pinned package version, so reviewers see what runs.',
  'security-reverse-shell': 'Nothing a skill does needs a remote shell. Remove it.',
  'security-obfuscated-exec': 'Ship the code in the clear so it can be reviewed.',
  'security-credential-access': "A skill must not read the user's credentials. Ask for the one token the task needs instead.",
  'security-persistence': 'A skill should leave nothing running after the task. Tell the user how to set it up instead.',
  'security-destructive': 'Delete only what the skill created, by its own path.',
  'security-miner': 'Remove it.',
  'security-network-call': "The API's code execution container has no network: bundle the data or the package with the skill.",
};

/** The findings of one file, at most MAX_SECURITY_FINDINGS_PER_RULE of a rule (one more says more were left out). */
class FindingsOf {
  readonly findings: Finding[] = [];
  /** Per rule, how many findings were added and the line of the last; made at the first (most files have none). */
  private counts: Map<RuleId, number> | undefined;
  private lastLine: Map<RuleId, number> | undefined;

  constructor(
    private readonly source: ByteText,
    private readonly target: ScanTarget,
  ) {}

  /** True when the last finding of `rule` is on the line of byte `offset` (one finding of a pattern rule per line is enough). */
  isSameLine(rule: RuleId, offset: number): boolean {
    const last = this.lastLine?.get(rule);
    return last !== undefined && last === this.source.lineOf(offset);
  }

  /**
   * Runs `pattern` over the line around each of `positions` (each line once; at most WINDOW bytes either side of
   * the trigger on a long line) and hands each match, with its byte offset, to `each` until it returns false.
   */
  eachMatch(pattern: RegExp, positions: readonly number[], each: (match: RegExpExecArray, at: number) => boolean): void {
    let scannedTo = -1;
    for (const position of positions) {
      if (position < scannedTo) continue;
      const line = this.source.lineBoundsWithin(position, WINDOW);
      const window = this.source.decode(Math.max(line.start, scannedTo), line.end);
      scannedTo = window.start + Buffer.byteLength(window.text);
      pattern.lastIndex = 0;
      for (let match = pattern.exec(window.text); match !== null; match = pattern.exec(window.text)) {
        if (match[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        const at = window.start + (window.ascii ? match.index : Buffer.byteLength(window.text.slice(0, match.index)));
        if (!each(match, at)) return;
      }
    }
  }

  /** Adds a finding at bytes `start`–`end`; false when the rule is full for this file. */
  add(rule: RuleId, start: number, end: number, message: string): boolean {
    return this.addAt(rule, this.source.rangeOf(start, end), message);
  }

  /** Adds a finding at `range`; false when the rule is full for this file (its last finding says more were left out). */
  addAt(rule: RuleId, range: Range, message: string): boolean {
    this.counts ??= new Map();
    this.lastLine ??= new Map();
    const count = (this.counts.get(rule) ?? 0) + 1;
    if (count > MAX_SECURITY_FINDINGS_PER_RULE + 1) return false;
    this.counts.set(rule, count);
    this.lastLine.set(rule, range.start.line);
    const text =
      count > MAX_SECURITY_FINDINGS_PER_RULE
        ? `More \`${rule}\` findings in this file are not listed (only the first ${MAX_SECURITY_FINDINGS_PER_RULE} are).`
        : message;
    const found = finding(rule, text, range);
    this.findings.push(this.target.isSkillMd ? found : { ...found, file: this.target.relativePath });
    return count <= MAX_SECURITY_FINDINGS_PER_RULE;
  }
}

/** The first line of a match, white space collapsed, at most 80 characters; backticks become quotes so the message's code span holds. */
function snippet(matched: string): string {
  const line = matched.split('\n', 1)[0].replace(/\s+/g, ' ').replaceAll('`', "'").trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
