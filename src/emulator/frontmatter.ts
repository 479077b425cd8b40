/**
 * The service's checks of an uploaded SKILL.md: it reads the frontmatter as PyYAML does (YAML 1.1 scalars, the last
 * of duplicate keys wins) and answers the first problem it finds, in the service's words.
 *
 * What is shared with the linter (`src/core/skill`) is the same logic, not a second copy: the frontmatter reader
 * (`parseSkillMd` with the `yaml` package, YAML 1.1) and the published limits (the API's keys, the name format,
 * length and reserved words, the description and compatibility limits, what counts as an XML tag). What is the
 * service's own stays here: which problem refuses an upload, in which order, and the message. The tests of both
 * sides check the rules against literal cases from the format reference, so a wrong shared rule still fails a test.
 */
import { DESCRIPTION_LIMIT } from '../core/skill/budgets';
import { describeValue } from '../core/skill/describeValue';
import { keysForProfile } from '../core/skill/frontmatterKeys';
import { hasNameFormat, NAME_LIMIT, reservedWordIn } from '../core/skill/nameRules';
import { lastEntry, parseSkillMd, type ParsedSkillMd } from '../core/skill/parse';
import { COMPATIBILITY_LIMIT, XML_TAG } from '../core/skill/valueRules';

/** The two frontmatter fields the service reads from SKILL.md. */
export interface SkillIdentity {
  readonly name: string;
  readonly description: string;
}

/** The keys the service accepts, in the order its message lists them. */
const ALLOWED_KEYS = keysForProfile('claude-api')
  .map((info) => info.key)
  .sort();

/** Reads `name` and `description` from SKILL.md bytes and checks the frontmatter as the upload does; returns a problem or the identity. */
export function readSkillIdentity(skillMd: Uint8Array): SkillIdentity | string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(skillMd);
  } catch {
    return 'SKILL.md is not valid UTF-8 text.';
  }
  const parsed = parseSkillMd(text, 'yaml');
  return shapeProblem(parsed) ?? keyProblem(parsed) ?? checkFields(parsed);
}

function shapeProblem(parsed: ParsedSkillMd): string | undefined {
  if (!parsed.frontmatter) return 'SKILL.md must start with YAML frontmatter: a --- line, name and description, and a closing --- line.';
  if (parsed.frontmatter.close === undefined) return 'SKILL.md frontmatter is not closed: add a --- line after its last key.';
  const [problem] = parsed.problems;
  if (problem) return `SKILL.md line ${problem.range.start.line + 1}: ${problem.message} Quote a value that contains ": ".`;
  if (parsed.notMapping) return 'SKILL.md frontmatter must be a mapping of key: value lines.';
  return undefined;
}

function keyProblem(parsed: ParsedSkillMd): string | undefined {
  const unexpected = [...new Set(parsed.entries.map((entry) => entry.key))].filter((key) => !ALLOWED_KEYS.includes(key));
  if (unexpected.length === 0) return undefined;
  return `Unexpected key(s) in SKILL.md frontmatter: ${unexpected.join(', ')}. Allowed properties are: ${ALLOWED_KEYS.join(', ')}. Move other keys under metadata.`;
}

function checkFields(parsed: ParsedSkillMd): SkillIdentity | string {
  const name = lastEntry(parsed, 'name')?.value;
  const description = lastEntry(parsed, 'description')?.value;
  const compatibility = lastEntry(parsed, 'compatibility');
  const metadata = lastEntry(parsed, 'metadata');
  if (name === undefined || name === null || name === '') return 'SKILL.md frontmatter must have a name.';
  if (typeof name !== 'string') return `name must be a string, but YAML reads it as ${describeValue(name)}: quote it.`;
  if (name.length > NAME_LIMIT) return `name must be at most ${NAME_LIMIT} characters; it has ${name.length}.`;
  if (!hasNameFormat(name)) return `name "${name}" may contain only lowercase letters, digits and single hyphens between them.`;
  const reserved = reservedWordIn(name);
  if (reserved) return `name must not contain the reserved word "${reserved}".`;
  if (description === undefined || description === null) return 'SKILL.md frontmatter must have a description.';
  if (typeof description !== 'string') return `description must be a string, but YAML reads it as ${describeValue(description)}: quote it.`;
  if (description.trim() === '') return 'description must not be empty.';
  if (description.length > DESCRIPTION_LIMIT)
    return `description must be at most ${DESCRIPTION_LIMIT} characters; it has ${description.length}.`;
  const tag = description.match(XML_TAG)?.[0];
  if (tag) return `description must not contain XML tags; it contains ${tag}.`;
  if (compatibility && typeof compatibility.value !== 'string')
    return `compatibility must be a string, but YAML reads it as ${describeValue(compatibility.value)}.`;
  if (compatibility && String(compatibility.value).length > COMPATIBILITY_LIMIT) {
    return `compatibility must be at most ${COMPATIBILITY_LIMIT} characters; it has ${String(compatibility.value).length}.`;
  }
  if (metadata && !metadata.children)
    return `metadata must be a mapping of keys to values, but YAML reads it as ${describeValue(metadata.value)}.`;
  return { name, description };
}
