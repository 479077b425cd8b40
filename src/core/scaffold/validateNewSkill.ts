import { lintSkillMd } from '../skill/lint';
import type { Profile } from '../skill/types';
import { renderSkillTemplate } from './skillTemplate';

/**
 * Why a new skill's name (and description, when given) would not pass the linter, or undefined when it would.
 * It lints the very SKILL.md the template would write, so the answer always agrees with the linter.
 */
export function validateNewSkill(name: string, description: string | undefined, profile: Profile): string | undefined {
  if (name.trim().length === 0) return 'Enter a name: lowercase letters, digits and hyphens, such as `pdf-form-filler`.';
  const [skillMd] = renderSkillTemplate({ name, description });
  const problem = lintSkillMd(skillMd.content, { profile, folderName: name }).find(
    (d) => d.severity === 'error' && (d.rule.startsWith('name-') || d.rule.startsWith('description-') || d.rule === 'yaml-syntax'),
  );
  return problem?.message;
}
