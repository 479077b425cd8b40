/** A diagnostic before its profile's severity is known. */
import { severityOf } from './rules';
import type { Diagnostic, Fix, Profile, Range, RuleId } from './types';

/** What a check reports; `lint` adds the severity of the rule under the chosen profile. */
export type Finding = Omit<Diagnostic, 'severity'>;

/** A finding of `rule` at `range`, with its fixes, preferred first. */
export function finding(rule: RuleId, message: string, range: Range, fixes: readonly (Fix | undefined)[] = NO_FIXES): Finding {
  return { rule, message, range, fixes: fixes.length === 0 ? NO_FIXES : fixes.filter((f): f is Fix => f !== undefined) };
}

/** The fixes of a finding that has none, shared (most findings of a CLI run have none). */
const NO_FIXES: readonly Fix[] = Object.freeze([]);

/** A diagnostic about a whole folder or file, placed on its first line; none when `rule` is off under `profile`. */
export function folderDiagnostic(rule: RuleId, profile: Profile, message: string): Diagnostic[] {
  const severity = severityOf(rule, profile);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return severity === 'off' ? [] : [{ rule, severity, message, range, fixes: [] }];
}
