/** Splits SKILL.md into frontmatter and body, and reads the frontmatter's top-level entries with exact ranges. */
import { parseFrontmatterFast } from './fastFrontmatter';
import { LineIndex, stripBom } from './text';
import type { Range } from './types';
import { parseFrontmatterWithYaml } from './yamlFrontmatter';

/** One `key: value` of a mapping in the frontmatter. */
export interface FrontmatterEntry {
  /** The key as text. */
  readonly key: string;
  /** The key's span in SKILL.md. */
  readonly keyRange: Range;
  /** The value's span (a zero-width range just after the colon when the value is empty). */
  readonly valueRange: Range;
  /** The value as YAML 1.1 reads it: string, number, boolean, null, Date, array or object. */
  readonly value: unknown;
  /** The entries of a mapping value, in source order; undefined when the value is not a mapping. */
  readonly children?: readonly FrontmatterEntry[];
}

/** A YAML fault, located in SKILL.md. */
export interface SyntaxProblem {
  readonly message: string;
  readonly range: Range;
}

/** What reading the frontmatter's YAML produced. */
export interface FrontmatterContent {
  /** Top-level entries in source order (duplicates kept); empty when the YAML is not a mapping. */
  readonly entries: readonly FrontmatterEntry[];
  /** YAML faults; when present, `entries` may be incomplete. */
  readonly problems: readonly SyntaxProblem[];
  /** Set when the YAML is valid but not a mapping: the span of what it is instead. */
  readonly notMapping?: Range;
}

/** The parts of a SKILL.md. */
export interface ParsedSkillMd extends FrontmatterContent {
  /** The text without a byte-order mark; every range refers to it. */
  readonly text: string;
  readonly lines: LineIndex;
  /** The delimiter lines: `open` is 0; `close` is undefined when no closing `---` exists. Undefined without frontmatter. */
  readonly frontmatter?: { readonly open: number; readonly close: number | undefined };
  /** The first line of the Markdown body (the line count when there is none). */
  readonly bodyStartLine: number;
  /** True when the fast reader handled the frontmatter without the `yaml` package. */
  readonly usedFastPath: boolean;
}

/** How to read the frontmatter: `auto` tries the fast reader first; `yaml` always uses the `yaml` package. */
export type FrontmatterReader = 'auto' | 'yaml';

const NO_CONTENT: FrontmatterContent = { entries: [], problems: [] };

/** Parses SKILL.md text. Never throws. */
export function parseSkillMd(text: string, reader: FrontmatterReader = 'auto'): ParsedSkillMd {
  const clean = stripBom(text);
  const lines = new LineIndex(clean);
  if (!isDelimiter(lines, 0)) {
    return { text: clean, lines, bodyStartLine: 0, usedFastPath: true, ...NO_CONTENT };
  }
  const close = findClosingLine(lines);
  if (close === undefined) {
    return { text: clean, lines, frontmatter: { open: 0, close }, bodyStartLine: lines.lineCount, usedFastPath: true, ...NO_CONTENT };
  }
  const fast = reader === 'auto' ? parseFrontmatterFast(lines, 1, close) : undefined;
  const content = fast ?? parseFrontmatterWithYaml(lines, 1, close);
  // Field by field (only the rare `notMapping` is spread in): this runs once per file of a CLI run, mostly before the JIT warms up.
  return {
    text: clean,
    lines,
    frontmatter: { open: 0, close },
    bodyStartLine: close + 1,
    usedFastPath: fast !== undefined,
    entries: content.entries,
    problems: content.problems,
    ...(content.notMapping ? { notMapping: content.notMapping } : {}),
  };
}

function findClosingLine(lines: LineIndex): number | undefined {
  for (let line = 1; line < lines.lineCount; line++) {
    if (isDelimiter(lines, line)) return line;
  }
  return undefined;
}

/** True when `line` is a frontmatter delimiter: `---`, then nothing but spaces and tabs (read in place, no slice). */
function isDelimiter(lines: LineIndex, line: number): boolean {
  const { text } = lines;
  const start = lines.lineStarts[line];
  if (!text.startsWith('---', start)) return false;
  const end = lines.lineContentEnd(line);
  if (end - start < 3) return false;
  for (let at = start + 3; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** The last top-level entry named `key` (YAML keeps the last of duplicates). */
export function lastEntry(parsed: FrontmatterContent, key: string): FrontmatterEntry | undefined {
  for (let i = parsed.entries.length - 1; i >= 0; i--) if (parsed.entries[i].key === key) return parsed.entries[i];
  return undefined;
}

/** The source text of an entry's value, exactly as written. */
export function writtenValue({ text, lines }: ParsedSkillMd, entry: FrontmatterEntry): string {
  return text.slice(lines.offsetAt(entry.valueRange.start), lines.offsetAt(entry.valueRange.end));
}
