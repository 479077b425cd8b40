/** Checks of the Markdown body's size: empty, too many lines, too many tokens. */
import { formatCount } from '../text/count';
import { BODY_LINE_LIMIT, BODY_TOKEN_LIMIT, budgetLine, countBodyLines, estimateBodyTokens } from './budgets';
import { finding, type Finding } from './finding';
import type { ParsedSkillMd } from './parse';

/** Anything but white space (as `String.prototype.trim` reads it), searched for from `lastIndex`. */
const NON_SPACE = /\S/g;

/** True when `text` holds anything but white space from `start` on (`text.slice(start).trim() !== ''`, without the copy). */
function hasNonSpaceFrom(text: string, start: number): boolean {
  NON_SPACE.lastIndex = start;
  return NON_SPACE.test(text);
}

/** The findings about the body's size. */
export function checkBody(parsed: ParsedSkillMd): Finding[] {
  const { lines, bodyStartLine, frontmatter } = parsed;
  if (frontmatter && frontmatter.close === undefined) return [];
  if (!hasNonSpaceFrom(parsed.text, bodyStartLine < lines.lineCount ? lines.lineStarts[bodyStartLine] : parsed.text.length)) {
    const message = 'The body is empty: add the instructions Claude follows when it uses the skill.';
    return [finding('body-empty', message, lines.lineRange(frontmatter?.close ?? 0))];
  }
  const found: Finding[] = [];
  const bodyLines = countBodyLines(parsed);
  if (bodyLines > BODY_LINE_LIMIT) {
    const message = `The body has ${formatCount(bodyLines)} lines; keep it under ${formatCount(BODY_LINE_LIMIT)} and move details into files it links to.`;
    found.push(finding('body-too-long', message, lines.lineRange(bodyStartLine + BODY_LINE_LIMIT)));
  }
  const bodyTokens = estimateBodyTokens(parsed);
  if (bodyTokens > BODY_TOKEN_LIMIT) {
    const message = `The body is about ${formatCount(bodyTokens)} tokens; keep it under ${formatCount(BODY_TOKEN_LIMIT)} and move details into files it links to.`;
    found.push(finding('body-token-budget', message, lines.lineRange(budgetLine(parsed))));
  }
  return found;
}
