/**
 * An exact reader for the frontmatter most skills have: top-level `key: value` lines whose values are
 * plain or quoted single-line strings, or one flat mapping of such lines (`metadata:`). It returns
 * undefined for anything else, and the `yaml` package reads it instead. The differential fuzz test
 * proves both give the same result; this path exists because loading `yaml` dominates a short CLI run.
 */
import type { FrontmatterContent, FrontmatterEntry } from './parse';
import type { LineIndex } from './text';
import { isSafePlainString } from './yamlText';

const KEY_LINE = /^( *)([A-Za-z_][A-Za-z0-9_-]*):(?: +(\S.*))?$/;
/** Characters that make a line too unusual for this reader. */
const UNUSUAL = /[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]/;
/** A carriage return that is not part of CRLF: a line break for editors, not for YAML. */
const LONE_CR = /\r(?!\n)/;

interface Scalar {
  readonly value: string;
  /** Length of the source text, quotes included. */
  readonly length: number;
}

/** Reads lines `firstLine` to `closeLine - 1`, or returns undefined when they are not simple enough. */
export function parseFrontmatterFast(lines: LineIndex, firstLine: number, closeLine: number): FrontmatterContent | undefined {
  const entries: FrontmatterEntry[] = [];
  let open: { key: string; line: number; colon: number; indent: number | undefined; children: FrontmatterEntry[] } | undefined;
  const closeOpen = (): void => {
    if (!open) return;
    const { key, line, colon, children } = open;
    const keyRange = { start: { line, character: 0 }, end: { line, character: key.length } };
    if (children.length === 0) {
      const at = { line, character: colon + 1 };
      entries.push({ key, keyRange, valueRange: { start: at, end: at }, value: null });
    } else {
      const value: Record<string, string> = {};
      for (const child of children) value[child.key] = child.value as string;
      const valueRange = { start: children[0].keyRange.start, end: children[children.length - 1].valueRange.end };
      entries.push({ key, keyRange, valueRange, value, children });
    }
    open = undefined;
  };
  const source = lines.text.slice(lines.lineStarts[firstLine], lines.lineStarts[closeLine]);
  if (LONE_CR.test(source)) return undefined;
  for (let line = firstLine; line < closeLine; line++) {
    const text = lines.lineText(line);
    if (text.trim() === '') continue;
    if (UNUSUAL.test(text) || text.trimEnd() !== text) return undefined;
    const match = KEY_LINE.exec(text);
    if (!match || !isPlainKey(match[2])) return undefined;
    const [, indentText, key, rawValue] = match;
    const indent = indentText.length;
    if (indent === 0) {
      closeOpen();
      if (rawValue === undefined) {
        if (text.length !== key.length + 1) return undefined;
        open = { key, line, colon: key.length, indent: undefined, children: [] };
        continue;
      }
      const entry = scalarEntry(key, line, 0, text, rawValue);
      if (!entry) return undefined;
      entries.push(entry);
    } else {
      if (!open || rawValue === undefined || (open.indent !== undefined && open.indent !== indent)) return undefined;
      open.indent = indent;
      const entry = scalarEntry(key, line, indent, text, rawValue);
      if (!entry) return undefined;
      open.children.push(entry);
    }
  }
  closeOpen();
  return { entries, problems: [] };
}

function scalarEntry(key: string, line: number, indent: number, text: string, rawValue: string): FrontmatterEntry | undefined {
  const scalar = readScalar(rawValue);
  if (!scalar) return undefined;
  const start = text.length - rawValue.length;
  return {
    key,
    keyRange: { start: { line, character: indent }, end: { line, character: indent + key.length } },
    valueRange: { start: { line, character: start }, end: { line, character: start + scalar.length } },
    value: scalar.value,
  };
}

function readScalar(source: string): Scalar | undefined {
  const quote = source[0];
  if (quote === '"') {
    const inner = source.slice(1, -1);
    if (source.length < 2 || !source.endsWith('"') || /["\\]/.test(inner)) return undefined;
    return { value: inner, length: source.length };
  }
  if (quote === "'") {
    const inner = source.slice(1, -1);
    if (source.length < 2 || !source.endsWith("'") || /'/.test(inner.replaceAll("''", ''))) return undefined;
    return { value: inner.replaceAll("''", "'"), length: source.length };
  }
  return isSafePlainString(source) ? { value: source, length: source.length } : undefined;
}

function isPlainKey(key: string): boolean {
  return key !== '__proto__' && isSafePlainString(key);
}
