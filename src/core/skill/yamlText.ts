/** Writing small pieces of YAML that read back exactly as meant. */

const YAML11_WORDS = /^(?:y|yes|n|no|true|false|on|off|null|~)$/i;
/** The longest of `YAML11_WORDS`: a longer value is none of them, without running the pattern. */
const LONGEST_YAML11_WORD = 5;
/** What a plain string may not hold: control characters, line separators, `: `, a final `:`, ` #`, final white space. */
const NOT_PLAIN = /[\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|: |:$| #|\s$/;
/** The characters other than ASCII letters a plain string may start with. */
const PLAIN_FIRST_SIGNS = '_(/$^;<)';

/**
 * True when `value` written as a plain scalar would read back as the same string under YAML 1.1. It runs for every
 * line of most frontmatters, mostly before the JIT warms up: the first character is checked without a pattern.
 */
export function isSafePlainString(value: string): boolean {
  if (value === '' || isYaml11Word(value)) return false;
  if (!startsPlain(value)) return false;
  return !NOT_PLAIN.test(value);
}

/** True for the words YAML 1.1 reads as booleans or null (`yes`, `Off`, `null`, `~`…), in any case. */
export function isYaml11Word(value: string): boolean {
  return value.length <= LONGEST_YAML11_WORD && YAML11_WORDS.test(value);
}

/** True when `value` starts with an ASCII letter or one of `PLAIN_FIRST_SIGNS` (`/^[A-Za-z_(/$^;<)]/`). */
function startsPlain(value: string): boolean {
  const lower = value.charCodeAt(0) | 0x20; // folds ASCII upper case onto lower case, and nothing else onto a-z
  return (lower >= 0x61 && lower <= 0x7a) || PLAIN_FIRST_SIGNS.includes(value.charAt(0));
}

/** `value` as a YAML scalar: plain when that is safe, else double-quoted (JSON's escapes are valid YAML). */
export function yamlScalar(value: string): string {
  return isSafePlainString(value) ? value : JSON.stringify(value);
}

/** The line break the text already uses. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
