/**
 * An exact reader for the frontmatter most skills have: top-level `key: value` lines whose values are plain
 * or quoted one-line strings, booleans and integers (double quotes may escape `\"` and `\\`), `>`/`>-`/`|`/`|-` blocks of evenly
 * indented lines (literal ones may hold empty lines), a flat list of such strings, or a mapping of them
 * (`metadata:`) whose values may be mappings of them in turn, with whole-line `#` comments between entries and trailing ` # …` comments after plain values. It returns undefined for anything else, and the `yaml` package
 * reads it instead. The differential fuzz test proves both give the same result; this path exists because
 * loading and warming up `yaml` dominates a short CLI run.
 */
import type { FrontmatterContent, FrontmatterEntry, SyntaxProblem } from './parse';
import type { LineIndex } from './text';
import type { Position } from './types';
import { isSafePlainString, isYaml11Word } from './yamlText';

const KEY_LINE = /^( *)([A-Za-z_][A-Za-z0-9_-]*):(?: +(\S.*))?$/;
const LIST_ITEM = /^( +)- (\S.*)$/;
const BLOCK_HEADER = /^[>|]-?$/;
/** A version number such as `1.2.0` or `2.0.1-beta`: a string under YAML 1.1, though it starts with a digit. */
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
/** The plain words YAML 1.1 reads as booleans (the `yaml` package's list: not mixed case such as `yEs`). */
const TRUE_WORD = /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const FALSE_WORD = /^(?:n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/;
/** A decimal integer small enough to be exact as a number (no sign, no leading zero: those read otherwise). */
const DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;
/**
 * A top-level `key: value` line of printable characters only, one space after the colon: when the key is a plain key
 * and the value a plain string that reads back as itself, the entry needs none of the general steps.
 */
const SIMPLE_ENTRY = /^([A-Za-z_][A-Za-z0-9_-]*): ([\x21-\x7e\u00a0-\ud7ff\ue000-\ufffd][\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]*)$/;
/** A one-line flow sequence such as `[Read, Grep]`. */
const FLOW_SEQUENCE = /^\[([^[\]{}]*)\]$/;
/** Characters that make a line too unusual for this reader. */
const UNUSUAL = /[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]/;
/** A carriage return that is not part of CRLF: a line break for editors, not for YAML. */
const LONE_CR = /\r(?!\n)/;

/** A one-line scalar's value under YAML 1.1. */
type Scalar = string | number | boolean;

/** A top-level key whose value is on the lines below it. */
interface OpenEntry {
  readonly key: string;
  readonly line: number;
  /** Where the key starts: 0 at the top level, the indent of a mapping nested under a top-level key. */
  readonly column: number;
  /** The block scalar header and where it starts, or undefined for a mapping, list or empty value. */
  readonly header: { readonly text: string; readonly start: number } | undefined;
  indent?: number;
  readonly children: FrontmatterEntry[];
  /** Where the last child ends, its trailing comment included (YAML ends a mapping's range there). */
  childrenEnd?: Position;
  /** A child whose own mapping is being read (`nested:` under `metadata:`), one level down at most. */
  sub?: OpenEntry;
  readonly items: { readonly value: Scalar; readonly start: Position; readonly end: Position }[];
  readonly blockLines: string[];
  /** Empty lines seen inside a literal block and not yet followed by more of its text. */
  pendingEmpty: number;
}

/** A whole-line comment at the start of a line. */
const COMMENT_LINE = /^#/;
/** A colon that starts a nested mapping inside a plain value: followed by spaces or the line's end. */
const NESTING_COLON = /:(?: +|$)/g;
/** What the `yaml` package says about each nested key of a plain value such as `Use when: x`. */
const NESTED_MAPPING = 'The frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings.';

/** Reads lines `firstLine` to `closeLine - 1`, or returns undefined when they are not simple enough. */
export function parseFrontmatterFast(lines: LineIndex, firstLine: number, closeLine: number): FrontmatterContent | undefined {
  const source = lines.text.slice(lines.lineStarts[firstLine], lines.lineStarts[closeLine]);
  if (LONE_CR.test(source)) return undefined;
  const entries: FrontmatterEntry[] = [];
  const problems: SyntaxProblem[] = [];
  let open: OpenEntry | undefined;
  let lastContentLine = firstLine;
  const close = (): boolean => {
    if (open?.sub && !closeSub(open, lines)) return false;
    if (open) {
      const entry = closeEntry(open, lines, lastContentLine);
      if (!entry) return false;
      entries.push(entry);
    }
    open = undefined;
    return true;
  };
  for (let line = firstLine; line < closeLine; line++) {
    const text = lines.lineText(line);
    const simple = SIMPLE_ENTRY.exec(text);
    if (simple !== null && isPlainKey(simple[1]) && isSafePlainString(simple[2])) {
      // What the general steps below make of such a line, without them: most lines of most skills are like this.
      if (open && !close()) return undefined;
      lastContentLine = line;
      entries.push(plainEntry(simple[1], line, 0, text.length - simple[2].length, simple[2], simple[2].length));
      continue;
    }
    if (text.trim() === '') {
      if (open?.header) {
        if (text !== '' || open.header.text[0] !== '|' || open.blockLines.length === 0) return undefined;
        open.pendingEmpty++;
      }
      continue;
    }
    if (UNUSUAL.test(text) || text.trimEnd() !== text) return undefined;
    if (COMMENT_LINE.test(text)) {
      // A comment at the margin ends a block scalar (its text is indented); a mapping or list goes on after it.
      if (open?.header && !close()) return undefined;
      continue;
    }
    const indent = text.length - text.trimStart().length;
    if (indent > 0) {
      if (!open) return undefined;
      if (open.sub && open.indent !== undefined && indent > open.indent) {
        if (!addIndented(open.sub, text, line, indent, problems)) return undefined;
        continue;
      }
      if (open.sub && !closeSub(open, lines)) return undefined;
      if (!addIndented(open, text, line, indent, problems)) return undefined;
      lastContentLine = line;
      continue;
    }
    if (!close()) return undefined;
    const match = KEY_LINE.exec(text);
    if (!match || !isPlainKey(match[2])) return undefined;
    const key = match[2];
    const rawValue: string | undefined = match[3];
    lastContentLine = line;
    if (rawValue === undefined || BLOCK_HEADER.test(rawValue)) {
      if (rawValue === undefined && text.length !== key.length + 1) return undefined;
      const header = rawValue === undefined ? undefined : { text: rawValue, start: text.length - rawValue.length };
      open = { key, line, column: 0, header, children: [], items: [], blockLines: [], pendingEmpty: 0 };
      continue;
    }
    const entry = scalarEntry(key, line, 0, text, rawValue);
    if (entry) entries.push(entry);
    else if (rawValue[0] === "'" || rawValue[0] === '"') {
      const fault = quoteFault(lines, line, text, rawValue, closeLine);
      if (!fault) return undefined;
      problems.push(fault.problem);
      if (fault.unclosed) return { entries: [], problems }; // the rest of the frontmatter is inside the quotes
    } else if (!addColonProblems(problems, text, rawValue, line)) return undefined;
  }
  // With any fault, the `yaml` package gives no entries, only the faults.
  return close() ? { entries: problems.length > 0 ? [] : entries, problems } : undefined;
}

/** Adds a line indented `indent` to `open`, whose lines must all be indented alike. False when it does not fit. */
function addIndented(open: OpenEntry, text: string, line: number, indent: number, problems: SyntaxProblem[]): boolean {
  if ((open.indent !== undefined && open.indent !== indent) || !addNested(open, text, line, indent, problems)) return false;
  open.indent = indent;
  return true;
}

/** Ends the nested mapping `open.sub`, adding it to `open`'s children; false when it is not a non-empty mapping. */
function closeSub(open: OpenEntry, lines: LineIndex): boolean {
  const sub = open.sub;
  open.sub = undefined;
  if (!sub || sub.children.length === 0 || sub.items.length > 0) return false;
  const entry = closeEntry(sub, lines, sub.line);
  if (!entry) return false;
  open.children.push(entry);
  open.childrenEnd = entry.valueRange.end;
  return true;
}

/** Adds an indented line to the open entry: block text, a list item or a mapping entry (or its colon faults). False when it fits none. */
function addNested(open: OpenEntry, text: string, line: number, indent: number, problems: SyntaxProblem[]): boolean {
  if (open.header) {
    for (; open.pendingEmpty > 0; open.pendingEmpty--) open.blockLines.push('');
    open.blockLines.push(text.slice(indent));
    return true;
  }
  const item = LIST_ITEM.exec(text);
  if (item) {
    const scalar = open.children.length === 0 ? readScalar(item[2]) : undefined;
    if (!scalar) return false;
    const start = text.length - item[2].length;
    open.items.push({ value: scalar.value, start: { line, character: indent }, end: { line, character: start + scalar.length } });
    return true;
  }
  const match = KEY_LINE.exec(text);
  if (!match || open.items.length > 0 || !isPlainKey(match[2])) return false;
  if (match[3] === undefined) {
    // `nested:` alone on its line under a top-level key opens a mapping one level down (its lines come next).
    if (open.column > 0 || text.length !== indent + match[2].length + 1) return false;
    open.sub = { key: match[2], line, column: indent, header: undefined, children: [], items: [], blockLines: [], pendingEmpty: 0 };
    return true;
  }
  const entry = scalarEntry(match[2], line, indent, text, match[3]);
  if (entry) {
    open.children.push(entry);
    open.childrenEnd = withoutComment(match[3]) === match[3] ? entry.valueRange.end : { line, character: text.length };
  }
  return entry !== undefined || addColonProblems(problems, text, match[3], line);
}

/** What the `yaml` package says of a quoted value that never closes, and of text right after its closing quote. */
const UNCLOSED = (quote: string): string => `The frontmatter is not valid YAML: Missing closing ${quote}quote.`;
const TEXT_AFTER_QUOTE = 'The frontmatter is not valid YAML: Unexpected scalar at node end.';

/**
 * The fault of a top-level quoted value that `readScalar` could not read, the `yaml` package's way, in the two
 * shapes it knows: quotes never closed in the rest of the frontmatter (one fault at its end: `unclosed`), or
 * plain text straight after the closing quote on the same line (`'the team's style`: one fault over that text).
 * Undefined for anything else (escapes, more quotes, odd characters), which the `yaml` package reads instead.
 */
function quoteFault(
  lines: LineIndex,
  line: number,
  text: string,
  rawValue: string,
  closeLine: number,
): { problem: SyntaxProblem; unclosed: boolean } | undefined {
  const quote = rawValue[0];
  if (quote === '"' && rawValue.includes('\\')) return undefined;
  let close = -1;
  for (let i = 1; i < rawValue.length && close < 0; i++) {
    if (rawValue[i] !== quote) continue;
    if (quote === "'" && rawValue[i + 1] === "'") i++;
    else close = i;
  }
  if (close < 0) {
    for (let rest = line + 1; rest < closeLine; rest++) {
      const restText = lines.lineText(rest);
      if (restText.includes(quote) || UNUSUAL.test(restText) || (quote === '"' && restText.includes('\\'))) return undefined;
    }
    const source = lines.text.slice(lines.lineStarts[line], lines.lineStarts[closeLine]);
    let end = source.length;
    while (end > 0 && /\s/.test(source[end - 1])) end--;
    const at = lines.positionAt(lines.lineStarts[line] + end);
    return { problem: { message: UNCLOSED(quote), range: { start: at, end: at } }, unclosed: true };
  }
  const after = rawValue.slice(close + 1);
  if (after === '' || /\s/.test(after[0]) || after.includes("'") || after.includes('"') || !isSafePlainString(after)) return undefined;
  const start = text.length - after.length;
  return {
    problem: { message: TEXT_AFTER_QUOTE, range: { start: { line, character: start }, end: { line, character: text.length } } },
    unclosed: false,
  };
}

/**
 * Adds the faults of the unquoted-colon mistake (`description: Use when: x`), the `yaml` package's way: one per
 * nested key, on its first character. False, adding nothing, when `rawValue` is not plain text split by such colons.
 */
function addColonProblems(problems: SyntaxProblem[], text: string, rawValue: string, line: number): boolean {
  const start = text.length - rawValue.length;
  const found: SyntaxProblem[] = [];
  let from = 0;
  NESTING_COLON.lastIndex = 0;
  for (let colon = NESTING_COLON.exec(rawValue); colon; colon = NESTING_COLON.exec(rawValue)) {
    if (!isSafePlainString(rawValue.slice(from, colon.index))) return false;
    found.push({
      message: NESTED_MAPPING,
      range: { start: { line, character: start + from }, end: { line, character: start + from + 1 } },
    });
    from = colon.index + colon[0].length;
  }
  const last = rawValue.slice(from);
  if (found.length === 0 || (last !== '' && !isSafePlainString(last))) return false;
  problems.push(...found);
  return true;
}

function closeEntry(open: OpenEntry, lines: LineIndex, lastLine: number): FrontmatterEntry | undefined {
  const { key, line, header, children, items, blockLines } = open;
  const { column } = open;
  const keyRange = { start: { line, character: column }, end: { line, character: column + key.length } };
  if (header) {
    if (blockLines.length === 0) return undefined;
    const joined = blockLines.join(header.text[0] === '>' ? ' ' : '\n');
    const value = header.text.endsWith('-') ? joined : joined + '\n';
    const end = { line: lastLine, character: lines.lineText(lastLine).length };
    return { key, keyRange, valueRange: { start: { line, character: header.start }, end }, value };
  }
  if (items.length > 0) {
    const valueRange = { start: items[0].start, end: items[items.length - 1].end };
    return { key, keyRange, valueRange, value: items.map((i) => i.value) };
  }
  if (children.length > 0) {
    const value: Record<string, unknown> = {};
    for (const child of children) value[child.key] = child.value;
    const valueRange = { start: children[0].keyRange.start, end: open.childrenEnd ?? children[children.length - 1].valueRange.end };
    return { key, keyRange, valueRange, value, children };
  }
  const at = { line, character: key.length + 1 };
  return { key, keyRange, valueRange: { start: at, end: at }, value: null };
}

function scalarEntry(key: string, line: number, indent: number, text: string, rawValue: string): FrontmatterEntry | undefined {
  const scalar = FLOW_SEQUENCE.test(rawValue) ? readFlowSequence(rawValue) : readScalar(withoutComment(rawValue));
  if (!scalar) return undefined;
  return plainEntry(key, line, indent, text.length - rawValue.length, scalar.value, scalar.length);
}

/** The entry of `key` (at `indent` on `line`) whose value, written `length` characters long from `start`, is `value`. */
function plainEntry(key: string, line: number, indent: number, start: number, value: Scalar | Scalar[], length: number): FrontmatterEntry {
  return {
    key,
    keyRange: { start: { line, character: indent }, end: { line, character: indent + key.length } },
    valueRange: { start: { line, character: start }, end: { line, character: start + length } },
    value,
  };
}

/**
 * A plain value without its trailing comment (` # …`: a space, then `#`, to the line's end), as YAML reads it; the
 * value unchanged when it has none or is quoted (a quoted value with a comment is left to the `yaml` package).
 */
function withoutComment(rawValue: string): string {
  const comment = rawValue.indexOf(' #');
  if (comment < 0 || rawValue[0] === '"' || rawValue[0] === "'") return rawValue;
  return rawValue.slice(0, comment).trimEnd();
}

/** `[a, b]` whose items are non-empty plain or quoted scalars without commas, with its source length; else undefined. */
function readFlowSequence(source: string): { value: Scalar[]; length: number } | undefined {
  const value: Scalar[] = [];
  for (const part of source.slice(1, -1).split(',')) {
    const item = part.trim();
    const scalar = item === '' ? undefined : readScalar(item);
    if (!scalar) return undefined;
    value.push(scalar.value);
  }
  return { value, length: source.length };
}

/**
 * A plain or quoted one-line scalar that YAML 1.1 reads as a string, a boolean word or a decimal integer, with its
 * source length; else undefined.
 */
function readScalar(source: string): { value: Scalar; length: number } | undefined {
  const quote = source[0];
  if (quote === '"') {
    if (source.length < 2 || !source.endsWith('"')) return undefined;
    const value = unescapeDoubleQuoted(source.slice(1, -1));
    return value === undefined ? undefined : { value, length: source.length };
  }
  if (quote === "'") {
    const inner = source.slice(1, -1);
    if (source.length < 2 || !source.endsWith("'") || inner.replaceAll("''", '').includes("'")) return undefined;
    return { value: inner.replaceAll("''", "'"), length: source.length };
  }
  if (isSafePlainString(source) || VERSION.test(source)) return { value: source, length: source.length };
  if (TRUE_WORD.test(source) || FALSE_WORD.test(source)) return { value: TRUE_WORD.test(source), length: source.length };
  return DECIMAL.test(source) ? { value: Number(source), length: source.length } : undefined;
}

/** The text inside double quotes with `\"` and `\\` unescaped; undefined for any other escape or a bare quote. */
function unescapeDoubleQuoted(inner: string): string | undefined {
  if (!/["\\]/.test(inner)) return inner;
  let value = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '"') return undefined;
    if (c === '\\') {
      const next = inner[++i];
      if (next !== '"' && next !== '\\') return undefined;
      value += next;
    } else {
      value += c;
    }
  }
  return value;
}

/**
 * True when `key`, matched by the key pattern of `KEY_LINE` and `SIMPLE_ENTRY` (a letter or `_`, then letters,
 * digits, `_` and `-`), reads back as itself: of `isSafePlainString`'s tests, only the YAML 1.1 words can fail there.
 */
function isPlainKey(key: string): boolean {
  return key !== '__proto__' && !isYaml11Word(key);
}
