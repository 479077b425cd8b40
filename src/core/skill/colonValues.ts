/** The most common YAML fault in SKILL.md: an unquoted `: ` inside a plain value (`description: Use when: x`). */
import type { ParsedSkillMd } from './parse';
import type { Fix, Range } from './types';
import { lineBreakOf } from './yamlText';

/** A plain value with a colon that YAML reads as a nested key, and the span of the whole value. */
export interface ColonValue {
  readonly key: string;
  /** The offending colon. */
  readonly colon: Range;
  /** The value, from its first character to the end of its last continuation line. */
  readonly value: Range;
  /** The value's lines, trimmed. */
  readonly valueLines: readonly string[];
  /** The key's indentation. */
  readonly indent: number;
}

const ENTRY = /^( *)([^\s:#'"[\]{}][^:]*?):( +)(.*)$/;
/** First characters after which the value is not a plain scalar. */
const NOT_PLAIN = /^["'[{|>&*!%@`#]/;
const NESTING_COLON = /:(?= |\t|$)/;

/** Every plain value in the frontmatter holding a colon followed by a space or the line end. */
export function findColonValues(parsed: ParsedSkillMd): ColonValue[] {
  const close = parsed.frontmatter?.close;
  if (close === undefined) return [];
  const { lines } = parsed;
  const found: ColonValue[] = [];
  for (let line = 1; line < close; line++) {
    const match = ENTRY.exec(lines.lineText(line));
    if (!match) continue;
    const [, indentText, key, gap, rest] = match;
    const value = rest.replace(/\s+$/, '');
    const colonAt = value.search(NESTING_COLON);
    const commentAt = value.search(/(^| )#/);
    if (value === '' || NOT_PLAIN.test(value) || colonAt < 0 || (commentAt >= 0 && commentAt < colonAt)) continue;
    const start = indentText.length + key.length + 1 + gap.length;
    const valueLines = [value];
    let last = line;
    while (last + 1 < close && isContinuation(lines.lineText(last + 1), indentText.length)) {
      last++;
      valueLines.push(lines.lineText(last).trim());
    }
    const lastEnd = last === line ? start + value.length : lines.lineText(last).replace(/\s+$/, '').length;
    found.push({
      key,
      indent: indentText.length,
      colon: { start: { line, character: start + colonAt }, end: { line, character: start + colonAt + 1 } },
      value: { start: { line, character: start }, end: { line: last, character: lastEnd } },
      valueLines,
    });
  }
  return found;
}

/** The two fixes: quote the value (preferred), or turn it into a folded `>-` block. */
export function colonValueFixes(parsed: ParsedSkillMd, found: ColonValue): Fix[] {
  const eol = lineBreakOf(parsed.text);
  const indent = ' '.repeat(found.indent + 2);
  return [
    {
      title: `Quote the value of \`${found.key}\``,
      isPreferred: true,
      edits: [{ range: found.value, newText: JSON.stringify(found.valueLines.join(' ')) }],
    },
    {
      title: `Turn \`${found.key}\` into a \`>-\` block`,
      edits: [{ range: found.value, newText: `>-${found.valueLines.map((l) => eol + indent + l).join('')}` }],
    },
  ];
}

function isContinuation(text: string, keyIndent: number): boolean {
  const indent = text.length - text.trimStart().length;
  return text.trim() !== '' && indent > keyIndent && !text.trimStart().startsWith('#');
}
