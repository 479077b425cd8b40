/** The size budgets of a SKILL.md, for code lenses and the body rules. */
import { lastEntry, parseSkillMd, type ParsedSkillMd } from './parse';

/** The description's length limit in characters. */
export const DESCRIPTION_LIMIT = 1024;
/** The body's recommended maximum number of lines. */
export const BODY_LINE_LIMIT = 500;
/** The body's recommended maximum number of tokens (estimated as characters / 4). */
export const BODY_TOKEN_LIMIT = 5000;

/** How much of each budget a SKILL.md uses; lines are zero-based, where to show a code lens. */
export interface Budgets {
  readonly description: { readonly used: number; readonly limit: typeof DESCRIPTION_LIMIT; readonly line?: number };
  readonly bodyLines: { readonly used: number; readonly limit: typeof BODY_LINE_LIMIT; readonly line: number };
  readonly bodyTokens: { readonly used: number; readonly limit: typeof BODY_TOKEN_LIMIT; readonly line: number };
}

/** Measures the budgets of SKILL.md text. Never throws. */
export function measureBudgets(text: string): Budgets {
  return measureParsedBudgets(parseSkillMd(text));
}

/** Measures the budgets of an already parsed SKILL.md. */
export function measureParsedBudgets(parsed: ParsedSkillMd): Budgets {
  const description = lastEntry(parsed, 'description');
  const line = budgetLine(parsed);
  return {
    description: {
      used: typeof description?.value === 'string' ? description.value.length : 0,
      limit: DESCRIPTION_LIMIT,
      ...(description ? { line: description.keyRange.start.line } : {}),
    },
    bodyLines: { used: countBodyLines(parsed), limit: BODY_LINE_LIMIT, line },
    bodyTokens: { used: estimateBodyTokens(parsed), limit: BODY_TOKEN_LIMIT, line },
  };
}

/** Where the body's budgets are shown: its first line (the last line when there is no body). */
export function budgetLine({ lines, bodyStartLine }: ParsedSkillMd): number {
  return Math.min(bodyStartLine, lines.lineCount - 1);
}

/** The body's estimated tokens: its characters (everything after the closing `---` line) / 4, rounded up. */
export function estimateBodyTokens({ text, lines, bodyStartLine }: ParsedSkillMd): number {
  return Math.ceil((bodyStartLine < lines.lineCount ? text.length - lines.lineStarts[bodyStartLine] : 0) / 4);
}

/** How many lines the body has (a last empty line after the final line break not counted). */
export function countBodyLines({ lines, bodyStartLine }: ParsedSkillMd): number {
  if (bodyStartLine >= lines.lineCount) return 0;
  const last = lines.lineCount - 1;
  const trailingEmpty = last > bodyStartLine && lines.lineStarts[last] === lines.text.length ? 1 : 0;
  return lines.lineCount - bodyStartLine - trailingEmpty;
}
