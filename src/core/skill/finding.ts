/** A diagnostic before its profile's severity is known. */
import type { Diagnostic, Fix, Range, RuleId } from './types';

/** What a check reports; `lint` adds the severity of the rule under the chosen profile. */
export type Finding = Omit<Diagnostic, 'severity'>;

/** A finding of `rule` at `range`, with its fixes, preferred first. */
export function finding(rule: RuleId, message: string, range: Range, fixes: readonly (Fix | undefined)[] = []): Finding {
  return { rule, message, range, fixes: fixes.filter((f): f is Fix => f !== undefined) };
}
