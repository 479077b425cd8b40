/**
 * The service's own frontmatter checks, written from the wire notes. Deliberately not shared with the linter in
 * `src/core/skill`: the emulator stands in for the remote service, so tests can catch the two disagreeing.
 */
import { parse } from 'yaml';

/** The two frontmatter fields the service reads from SKILL.md. */
export interface SkillIdentity {
  readonly name: string;
  readonly description: string;
}

const NAME_FORMAT = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Reads `name` and `description` from SKILL.md and checks them as the upload does; returns a problem or the identity. */
export function readSkillIdentity(skillMd: string): SkillIdentity | string {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(skillMd);
  if (!match) return 'SKILL.md must start with YAML frontmatter between --- lines.';
  let data: unknown;
  try {
    data = parse(match[1] ?? '');
  } catch {
    return 'SKILL.md frontmatter is not valid YAML.';
  }
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const { name, description } = fields;
  if (typeof name !== 'string' || name.length === 0) return 'SKILL.md frontmatter must have a name.';
  if (name.length > 64) return 'name must be at most 64 characters.';
  if (!NAME_FORMAT.test(name)) return 'name may contain only lowercase letters, digits and single hyphens.';
  if (/anthropic|claude/.test(name)) return 'name must not contain reserved words "anthropic" or "claude".';
  if (typeof description !== 'string' || description.trim().length === 0) return 'SKILL.md frontmatter must have a non-empty description.';
  if (description.length > 1024) return 'description must be at most 1024 characters.';
  if (/<[a-zA-Z/][^>]*>/.test(description)) return 'description must not contain XML tags.';
  return { name, description };
}
