import type { Skill, SkillVersion } from '../../core/api/types';
import { dateTime } from './dateTime';

/** A skill as the tree names it: its display name (its id only when the service has none). */
export function skillLabel(skill: Skill): string {
  return skill.title || skill.id;
}

/** A version as the tree names it: when it was created ("Nov 10, 2025, 10:00 AM"); its label or id only when the date does not parse. */
export function versionLabel(version: SkillVersion): string {
  return dateTime(version.createdAt) ?? version.version ?? version.id;
}
