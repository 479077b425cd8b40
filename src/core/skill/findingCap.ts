/** Bounds how many findings of one rule a file reports, so a hostile file cannot flood the editor or a report. */
import { finding, type Finding } from './finding';
import type { RuleId } from './types';

/** The `leftOut` of a check that left nothing out. */
const NONE_LEFT_OUT: ReadonlyMap<RuleId, number> = new Map();

/** The most findings of one rule listed for one file; the rest are counted in one last finding. */
export const MAX_FINDINGS_PER_RULE = 1000;

/**
 * The first `MAX_FINDINGS_PER_RULE` findings of each rule, in order; for a rule with more, one more finding (at the
 * last one listed) says how many were left out. `leftOut` counts findings a check already dropped itself.
 */
export function capPerRule(findings: readonly Finding[], leftOut: ReadonlyMap<RuleId, number> = NONE_LEFT_OUT): readonly Finding[] {
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
  // Both made on first use: most files have no finding, and a CLI run checks thousands of them.
  private counts: Map<RuleId, number> | undefined;
  private dropped: Map<RuleId, number> | undefined;

  /** How many findings of each rule were left out. */
  get leftOut(): ReadonlyMap<RuleId, number> {
    return this.dropped ?? NONE_LEFT_OUT;
  }

  /** Counts one finding of `rule`: true when it is still under the cap and should be added, false when it is left out. */
  admits(rule: RuleId): boolean {
    this.counts ??= new Map();
    const count = this.counts.get(rule) ?? 0;
    this.counts.set(rule, count + 1);
    if (count < MAX_FINDINGS_PER_RULE) return true;
    this.dropped ??= new Map();
    this.dropped.set(rule, (this.dropped.get(rule) ?? 0) + 1);
    return false;
  }
}
