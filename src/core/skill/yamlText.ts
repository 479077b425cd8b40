/** Writing small pieces of YAML that read back exactly as meant. */

const YAML11_WORDS = /^(?:y|yes|n|no|true|false|on|off|null|~)$/i;

/** True when `value` written as a plain scalar would read back as the same string under YAML 1.1. */
export function isSafePlainString(value: string): boolean {
  if (value === '' || YAML11_WORDS.test(value)) return false;
  if (!/^[A-Za-z_(/$^;<)]/.test(value)) return false;
  return !/[\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|: |:$| #|\s$/.test(value);
}

/** `value` as a YAML scalar: plain when that is safe, else double-quoted (JSON's escapes are valid YAML). */
export function yamlScalar(value: string): string {
  return isSafePlainString(value) ? value : JSON.stringify(value);
}

/** The line break the text already uses. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
