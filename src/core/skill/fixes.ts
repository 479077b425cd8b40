/** The text fixes the linter offers, shared by the editor's quick fixes, fix-all and the CLI. */
import { lastEntry, writtenValue, type FrontmatterEntry, type ParsedSkillMd } from './parse';
import type { Fix, Range } from './types';
import { lineBreakOf, yamlScalar } from './yamlText';

/** Moves a top-level entry under `metadata:`, as a string, merging into an existing block mapping. */
export function moveToMetadataFix(parsed: ParsedSkillMd, entry: FrontmatterEntry): Fix | undefined {
  const close = parsed.frontmatter?.close;
  if (close === undefined || !ownsItsLines(parsed, entry)) return undefined;
  const eol = lineBreakOf(parsed.text);
  const firstLine = entry.keyRange.start.line;
  const remove = { range: lineSpan(firstLine, entry.valueRange.end.line + 1), newText: '' };
  const title = `Move \`${entry.key}\` under \`metadata:\``;
  const metadata = lastEntry(parsed, 'metadata');
  const child = (indent: string): string => `${indent}${yamlScalar(entry.key)}: ${metadataString(parsed, entry)}${eol}`;
  if (!metadata) {
    return { title, isPreferred: true, edits: [insertAt(close, `metadata:${eol}${child('  ')}`), remove] };
  }
  const children = metadata.children ?? [];
  const last = children[children.length - 1];
  if (last && metadata.valueRange.start.line > metadata.keyRange.start.line) {
    const indent = ' '.repeat(children[0].keyRange.start.character);
    return { title, isPreferred: true, edits: [insertAt(last.valueRange.end.line + 1, child(indent)), remove] };
  }
  if (metadata.value === null && ownsItsLines(parsed, metadata)) {
    const line = metadata.keyRange.start.line;
    const lineEnd = { line, character: parsed.lines.lineContentEnd(line) - parsed.lines.lineStarts[line] };
    const newText = `:${eol}${child('  ').slice(0, -eol.length)}`;
    return { title, isPreferred: true, edits: [{ range: { start: metadata.keyRange.end, end: lineEnd }, newText }, remove] };
  }
  return undefined;
}

/** The preferred fix replacing an entry's value with `value`, quoted when YAML needs it. */
export function replaceValueFix(entry: FrontmatterEntry, value: string, title: string): Fix {
  return { title, isPreferred: true, edits: [{ range: entry.valueRange, newText: yamlScalar(value) }] };
}

/** The value as the string it becomes under `metadata:`: strings as they are, other scalars as written, collections as JSON. */
function metadataString(parsed: ParsedSkillMd, entry: FrontmatterEntry): string {
  const { value } = entry;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return '""';
  if (typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(JSON.stringify(value));
  return JSON.stringify(writtenValue(parsed, entry));
}

/** True when the entry starts a line and no other entry shares its lines, so whole lines can move. */
function ownsItsLines(parsed: ParsedSkillMd, entry: FrontmatterEntry): boolean {
  if (entry.keyRange.start.character !== 0) return false;
  return parsed.entries.every(
    (other) =>
      other === entry || other.keyRange.start.line > entry.valueRange.end.line || other.valueRange.end.line < entry.keyRange.start.line,
  );
}

function lineSpan(startLine: number, endLine: number): Range {
  return { start: { line: startLine, character: 0 }, end: { line: endLine, character: 0 } };
}

function insertAt(line: number, newText: string): { range: Range; newText: string } {
  return { range: lineSpan(line, line), newText };
}
