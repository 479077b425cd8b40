/** Bounds how many findings of one rule a file reports, so a hostile file cannot flood the editor or a report. */
import { finding, type Finding } from './finding';
import type { RuleId } from './types';

/** The most findings of one rule listed for one file; the rest are counted in one last finding. */
export const MAX_FINDINGS_PER_RULE = 1000;

/**
 * The first `MAX_FINDINGS_PER_RULE` findings of each rule, in order; for a rule with more, one more finding (at the
 * last one listed) says how many were left out. `leftOut` counts findings a check already dropped itself.
 */
export function capPerRule(findings: readonly Finding[], leftOut: ReadonlyMap<RuleId, number> = new Map()): readonly Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_RULE && leftOut.size === 0) return findings; // no rule can be over the cap
  const kept: Finding[] = [];
  const listed = new Map<RuleId, Finding[]>();
  const dropped = new Map(leftOut);
  for (const f of findings) {
    const ofRule = listed.get(f.rule) ?? [];
    if (ofRule.length === 0) listed.set(f.rule, ofRule);
    if (ofRule.length < MAX_FINDINGS_PER_RULE) {
      ofRule.push(f);
      kept.push(f);
    } else {
      dropped.set(f.rule, (dropped.get(f.rule) ?? 0) + 1);
    }
  }
  for (const [rule, count] of dropped) {
    const last = listed.get(rule)?.at(-1);
    if (count === 0 || !last) continue;
    kept.push(finding(rule, leftOutMessage(rule, count, 'file'), last.range));
  }
  return kept;
}

/** What the finding that stands for `count` left-out findings of `rule` in one file or folder says. */
export function leftOutMessage(rule: RuleId, count: number, where: 'file' | 'folder'): string {
  return `${count.toLocaleString('en-US')} more \`${rule}\` findings in this ${where} are left out (only the first ${MAX_FINDINGS_PER_RULE} are listed).`;
}

/** Collects a check's findings up to the cap, only counting the rest (so no message is built for them). */
export class CappedFindings {
  readonly findings: Finding[] = [];
  readonly leftOut = new Map<RuleId, number>();
  private readonly counts = new Map<RuleId, number>();

  /** Counts one finding of `rule`: true when it is still under the cap and should be added, false when it is left out. */
  admits(rule: RuleId): boolean {
    const count = this.counts.get(rule) ?? 0;
    this.counts.set(rule, count + 1);
    if (count < MAX_FINDINGS_PER_RULE) return true;
    this.leftOut.set(rule, (this.leftOut.get(rule) ?? 0) + 1);
    return false;
  }
}
