/** Checks of the known keys' values: name, description, compatibility, metadata, allowed-tools, license. */
import { formatCount } from '../text/count';
import { DESCRIPTION_LIMIT } from './budgets';
import { describeValue } from './describeValue';
import { finding, type Finding } from './finding';
import { replaceValueFix } from './fixes';
import { hasNameFormat, isValidName, NAME_LIMIT, reservedWordIn, slugify } from './nameRules';
import { lastEntry, writtenValue, type FrontmatterEntry, type ParsedSkillMd } from './parse';
import type { Fix } from './types';
import { COMPATIBILITY_LIMIT, XML_TAG } from './valueRules';

/** The findings about the values of the known keys. */
export function checkFields(parsed: ParsedSkillMd, folderName: string | undefined): Finding[] {
  const top = parsed.lines.lineRange(0);
  const name = lastEntry(parsed, 'name');
  const description = lastEntry(parsed, 'description');
  const nameFindings = name
    ? checkName(name, folderName)
    : [finding('name-missing', "Add a `name:` line: the skill's identifier, such as `name: pdf-tools`.", top)];
  return nameFindings.concat(
    description
      ? checkDescription(description)
      : [finding('description-missing', 'Add a `description:` line saying what the skill does and when Claude should use it.', top)],
    checkCompatibility(lastEntry(parsed, 'compatibility')),
    checkMetadata(parsed, lastEntry(parsed, 'metadata')),
    checkAllowedTools(lastEntry(parsed, 'allowed-tools')),
    checkLicense(lastEntry(parsed, 'license')),
  );
}

function checkName(entry: FrontmatterEntry, folderName: string | undefined): Finding[] {
  const { value, valueRange } = entry;
  if (typeof value !== 'string') {
    const hint = value === null ? '`name` has no value' : `\`name\` reads as ${describeValue(value)}, not a string`;
    return [
      finding('name-type', `${hint}: write a lowercase name such as \`my-skill\` (quote it if YAML reads it otherwise).`, valueRange),
    ];
  }
  const found: Finding[] = [];
  const slugFix = (): Fix | undefined => {
    const slug = slugify(value);
    return slug && slug !== value ? replaceValueFix(entry, slug, `Change \`name\` to \`${slug}\``) : undefined;
  };
  if (value.length > NAME_LIMIT) {
    found.push(
      finding(
        'name-too-long',
        `\`name\` has ${formatCount(value.length)} characters; the limit is ${formatCount(NAME_LIMIT)}.`,
        valueRange,
        [slugFix()],
      ),
    );
  }
  if (!hasNameFormat(value)) {
    const message = `\`name\` must be lowercase letters, digits and single hyphens between them (like \`pdf-tools\`); \`${value}\` is not.`;
    found.push(finding('name-format', message, valueRange, [slugFix()]));
  }
  const reserved = reservedWordIn(value);
  if (reserved) {
    found.push(finding('name-reserved', `\`name\` may not contain the reserved word \`${reserved}\`: choose another name.`, valueRange));
  }
  if (folderName !== undefined && value !== folderName) {
    found.push(
      finding(
        'name-dir-mismatch',
        `\`name\` is \`${value}\` but the folder is \`${folderName}\`: make them the same.`,
        valueRange,
        nameDirFixes(entry, value, folderName),
      ),
    );
  }
  return found;
}

function nameDirFixes(entry: FrontmatterEntry, name: string, folderName: string): Fix[] {
  const fixes: Fix[] = [];
  if (isValidName(folderName)) fixes.push(replaceValueFix(entry, folderName, `Change \`name\` to \`${folderName}\` (the folder's name)`));
  if (isValidName(name))
    fixes.push({ title: `Rename the folder to \`${name}\``, isPreferred: fixes.length === 0, edits: [], renameFolderTo: name });
  return fixes;
}

function checkDescription(entry: FrontmatterEntry): Finding[] {
  const { value, valueRange } = entry;
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    return [finding('description-empty', '`description` is empty: say what the skill does and when Claude should use it.', valueRange)];
  }
  if (typeof value !== 'string') {
    return [finding('description-type', `\`description\` reads as ${describeValue(value)}; it must be text. Quote it.`, valueRange)];
  }
  const found: Finding[] = [];
  if (value.length > DESCRIPTION_LIMIT) {
    const message = `\`description\` has ${formatCount(value.length)} characters; the limit is ${formatCount(DESCRIPTION_LIMIT)}. Shorten it and move details into the body.`;
    found.push(finding('description-too-long', message, valueRange));
  }
  const tags = value.match(XML_TAG);
  if (tags) {
    const stripped = value.replace(XML_TAG, '').replace(/ {2,}/g, ' ').trim();
    const message = `\`description\` contains the XML tag \`${tags[0]}\`, which the Claude API rejects. Remove the tags.`;
    found.push(
      finding('description-xml', message, valueRange, [replaceValueFix(entry, stripped, 'Remove the XML tags from `description`')]),
    );
  }
  return found;
}

function checkCompatibility(entry: FrontmatterEntry | undefined): Finding[] {
  if (!entry) return [];
  const { value } = entry;
  if (typeof value !== 'string') {
    return [
      finding(
        'compatibility-invalid',
        `\`compatibility\` reads as ${describeValue(value)}; it must be text of at most ${formatCount(COMPATIBILITY_LIMIT)} characters.`,
        entry.valueRange,
      ),
    ];
  }
  if (value.length > COMPATIBILITY_LIMIT) {
    return [
      finding(
        'compatibility-invalid',
        `\`compatibility\` has ${formatCount(value.length)} characters; the limit is ${formatCount(COMPATIBILITY_LIMIT)}.`,
        entry.valueRange,
      ),
    ];
  }
  return [];
}

function checkMetadata(parsed: ParsedSkillMd, entry: FrontmatterEntry | undefined): Finding[] {
  if (!entry) return [];
  if (!entry.children) {
    return [
      finding(
        'metadata-invalid',
        `\`metadata\` reads as ${describeValue(entry.value)}; it must be a mapping of \`key: value\` lines indented under it.`,
        entry.valueRange,
      ),
    ];
  }
  return entry.children
    .filter((child) => typeof child.value !== 'string')
    .map((child) => {
      const { start, end } = child.valueRange;
      const written = writtenValue(parsed, child);
      const quote =
        start.line === end.line && written !== ''
          ? replaceValueFix(child, written, `Quote the value of \`metadata.${child.key}\``)
          : undefined;
      const message = `\`metadata.${child.key}\` reads as ${describeValue(child.value)}; metadata values should be strings. Quote it.`;
      return finding('metadata-value-type', message, child.valueRange, [quote]);
    });
}

function checkAllowedTools(entry: FrontmatterEntry | undefined): Finding[] {
  if (!entry || typeof entry.value === 'string') return [];
  const listHint = Array.isArray(entry.value) ? ' (only Claude Code accepts a list)' : '';
  const message = `\`allowed-tools\` reads as ${describeValue(entry.value)}${listHint}; write the tools on one line separated by spaces, like \`Read Bash(git:*)\`.`;
  return [finding('allowed-tools-invalid', message, entry.valueRange)];
}

function checkLicense(entry: FrontmatterEntry | undefined): Finding[] {
  if (!entry || typeof entry.value === 'string') return [];
  return [
    finding(
      'license-invalid',
      `\`license\` reads as ${describeValue(entry.value)}; write the license's name or file as text, like \`Apache-2.0\`.`,
      entry.valueRange,
    ),
  ];
}
