/** What makes a skill name valid, and how to turn any text into one. */

/** The longest valid name. */
export const NAME_LIMIT = 64;
const NAME_FORMAT = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const RESERVED = /anthropic|claude/i;

/** True for lowercase ASCII letters and digits joined by single inner hyphens. */
export function hasNameFormat(name: string): boolean {
  return NAME_FORMAT.test(name);
}

/** True when the name may be used as is: right format and length. */
export function isValidName(name: string): boolean {
  return name.length <= NAME_LIMIT && hasNameFormat(name);
}

/** The reserved word the name contains (`anthropic` or `claude`), if any. */
export function reservedWordIn(name: string): string | undefined {
  return RESERVED.exec(name)?.[0].toLowerCase();
}

/** The kebab-case slug of `text` ("PDF Tools" → "pdf-tools"), at most 64 characters; empty when nothing is left. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, NAME_LIMIT).replace(/-+$/, '');
}
