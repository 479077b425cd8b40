/** A candidate description in a SKILL.md: the frontmatter edit that puts it there, and the lint it must pass. */
import { replaceValueFix } from '../../skill/fixes';
import { lintSkillMd } from '../../skill/lint';
import { lastEntry, parseSkillMd } from '../../skill/parse';
import type { TextEdit } from '../../skill/types';
import { applyEdits } from '../../skill/applyEdits';

/** The one edit (ranges in the text without a byte-order mark) that makes `description` the frontmatter's description; throws when SKILL.md has none. */
export function descriptionEdit(skillMd: string, description: string): TextEdit {
  const entry = lastEntry(parseSkillMd(skillMd), 'description');
  if (!entry) throw new Error('SKILL.md has no description in its frontmatter to tune: add one first.');
  const [edit] = replaceValueFix(entry, description, 'Use this description').edits;
  if (!edit) throw new Error('SKILL.md has no description in its frontmatter to tune: add one first.');
  return edit;
}

/** SKILL.md with `description` in place of its description; everything else (a byte-order mark too) as it was. */
export function withDescription(skillMd: string, description: string): string {
  const bom = skillMd.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = skillMd.slice(bom.length);
  return bom + applyEdits(text, [descriptionEdit(text, description)]);
}

/**
 * Why `description` cannot be used, or null when it is lint-clean for `claude-api` (what the API accepts: at most
 * 1,024 characters, no XML tags, not empty): the messages of the description rules it breaks in `skillMd`.
 */
export function candidateProblem(skillMd: string, description: string): string | null {
  if (description.trim() === '') return 'it is empty';
  const problems = lintSkillMd(withDescription(skillMd, description), { profile: 'claude-api' })
    .filter((finding) => finding.severity === 'error' && finding.rule.startsWith('description'))
    .map((finding) => finding.message);
  return problems.length > 0 ? problems.join(' ') : null;
}
