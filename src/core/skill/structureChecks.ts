/** Checks of the frontmatter's shape: delimiters, YAML syntax, mapping, duplicate and unknown keys. */
import { colonValueFixes, findColonValues } from './colonValues';
import { finding, type Finding } from './finding';
import { keysForProfile } from './frontmatterKeys';
import { moveToMetadataFix } from './fixes';
import type { FrontmatterEntry, ParsedSkillMd } from './parse';
import type { Profile } from './types';

/** The findings about the frontmatter's shape, and whether its keys can be checked one by one. */
export function checkStructure(parsed: ParsedSkillMd, profile: Profile): { findings: Finding[]; readable: boolean } {
  const { frontmatter, lines } = parsed;
  if (!frontmatter) {
    const message = 'SKILL.md must start with a `---` line that opens the YAML frontmatter (name and description).';
    return { findings: [finding('frontmatter-missing', message, lines.lineRange(0))], readable: false };
  }
  if (frontmatter.close === undefined) {
    const message = 'The frontmatter is never closed: add a `---` line after its last key.';
    return { findings: [finding('frontmatter-unclosed', message, lines.lineRange(0))], readable: false };
  }
  if (parsed.problems.length > 0) return { findings: syntaxFindings(parsed), readable: false };
  if (parsed.notMapping) {
    const message = 'The frontmatter must be a mapping of `key: value` lines, such as `name: my-skill`.';
    return { findings: [finding('frontmatter-not-mapping', message, parsed.notMapping)], readable: false };
  }
  return { findings: duplicateKeys(parsed).concat(unknownKeys(parsed, profile)), readable: true };
}

/** YAML faults, with the unquoted-colon case given its own message and fixes. */
function syntaxFindings(parsed: ParsedSkillMd): Finding[] {
  const colons = findColonValues(parsed).filter((c) =>
    parsed.problems.some((p) => p.range.start.line >= c.colon.start.line && p.range.start.line <= c.value.end.line),
  );
  const covered = (line: number): boolean => colons.some((c) => line >= c.colon.start.line && line <= c.value.end.line);
  return [
    ...colons.map((c) =>
      finding(
        'yaml-syntax',
        `The value of \`${c.key}\` contains \`: \`, which YAML reads as the start of a nested key. Quote the value or make it a \`>-\` block.`,
        c.colon,
        colonValueFixes(parsed, c),
      ),
    ),
    ...parsed.problems.filter((p) => !covered(p.range.start.line)).map((p) => finding('yaml-syntax', p.message, p.range)),
  ];
}

/** Above this many entries, earlier keys are looked up in a map rather than by a scan of the entries before. */
const SCANNED_ENTRIES = 32;

function duplicateKeys({ entries }: ParsedSkillMd): Finding[] {
  const firstLine = entries.length > SCANNED_ENTRIES ? new Map<string, number>() : undefined;
  const found: Finding[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const earlier = firstLine ? firstLine.get(entry.key) : firstLineBefore(entries, i);
    if (earlier === undefined) {
      firstLine?.set(entry.key, entry.keyRange.start.line);
      continue;
    }
    const message = `\`${entry.key}\` already appears on line ${earlier + 1}; YAML keeps only the last one. Remove one of them.`;
    found.push(finding('duplicate-key', message, entry.keyRange));
  }
  return found;
}

/** The line of the first entry before `index` with the key of entry `index`, if any. */
function firstLineBefore(entries: readonly FrontmatterEntry[], index: number): number | undefined {
  const { key } = entries[index];
  for (let i = 0; i < index; i++) if (entries[i].key === key) return entries[i].keyRange.start.line;
  return undefined;
}

/** Each profile's known keys, built once. */
const knownKeys = new Map<Profile, ReadonlySet<string>>();

function unknownKeys(parsed: ParsedSkillMd, profile: Profile): Finding[] {
  let known = knownKeys.get(profile);
  if (!known) knownKeys.set(profile, (known = new Set(keysForProfile(profile).map((k) => k.key))));
  const reader = profile === 'claude-code' ? 'Claude Code' : profile === 'spec' ? 'The Agent Skills specification' : 'The Claude API';
  const found: Finding[] = [];
  for (const entry of parsed.entries) {
    if (known.has(entry.key)) continue;
    const message = `${reader} does not know the key \`${entry.key}\`${profile === 'claude-api' ? ' and rejects the upload' : ''}. Move it under \`metadata:\` or remove it.`;
    found.push(finding('unknown-key', message, entry.keyRange, [moveToMetadataFix(parsed, entry)]));
  }
  return found;
}
