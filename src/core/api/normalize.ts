import type { Skill, SkillVersion } from './types';

/** A JSON object as it came off the wire. */
type Raw = Record<string, unknown>;

function asObject(value: unknown): Raw | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The source of either shape: a string (beta) or `{type}` (GA); `unknown` when the service sent neither. */
function sourceOf(value: unknown): string {
  return text(value) ?? text(asObject(value)?.['type']) ?? 'unknown';
}

/**
 * Reads a skill in the GA shape (`display_name`, `latest_version_id`, `source: {type}`) or the beta
 * shape (`display_title`, `latest_version`, `source: "custom"`). Extra fields are ignored; anything
 * without a string `id` is not a skill and gives null.
 */
export function normaliseSkill(raw: unknown): Skill | null {
  const object = asObject(raw);
  const id = text(object?.['id']);
  if (!object || !id) return null;
  return {
    id,
    title: text(object['display_name']) ?? text(object['display_title']),
    source: sourceOf(object['source']),
    latestVersion: text(object['latest_version_id']) ?? text(object['latest_version']),
    createdAt: text(object['created_at']) ?? '',
    updatedAt: text(object['updated_at']) ?? text(object['created_at']) ?? '',
  };
}

/**
 * Reads a version in either shape. The beta shape carries a `version` label that URLs address it by;
 * the GA shape is addressed by its `id`. `skillId` fills in a missing `skill_id`. Junk gives null.
 */
export function normaliseVersion(raw: unknown, skillId = ''): SkillVersion | null {
  const object = asObject(raw);
  const id = text(object?.['id']);
  if (!object || !id) return null;
  const version = text(object['version']);
  return {
    id,
    ref: version ?? id,
    version,
    skillId: text(object['skill_id']) ?? skillId,
    name: text(object['name']) ?? '',
    description: text(object['description']) ?? '',
    directory: text(object['directory']),
    createdAt: text(object['created_at']) ?? '',
  };
}
