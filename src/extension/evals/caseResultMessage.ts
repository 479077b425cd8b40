import * as vscode from 'vscode';
import type { CaseRun } from '../../core/evals/runEvals';
import { formatCount } from '../../core/text/count';
import type { CaseSummary } from '../../core/evals/summary';

/** How a case did over its runs, in the words the Test Explorer shows. */
export interface CaseOutcome {
  readonly passed: boolean;
  /** "2/3 triggered", "1/3 runs passed". */
  readonly rate: string;
  /** Some run did not complete (an API error, a grader without a verdict, the request cap): core's verdict is errored. */
  readonly errored: boolean;
  /** Why it failed, run by run, then the transcript of the first run that went wrong; empty for a pass. */
  readonly failure: string;
  /** The transcript the failure is about, or empty. */
  readonly transcript: string;
  readonly durationMs: number;
}

/**
 * The outcome of one case from its runs and core's summary of them (`summariseCases`): its verdict decides passed,
 * failed or errored, and the rate counts only the runs that completed, saying how many did not.
 */
export function caseOutcome(runs: readonly CaseRun[], summary: CaseSummary, shouldTrigger: boolean): CaseOutcome {
  const kind = summary.kind;
  const passed = summary.verdict === 'passed';
  const errored = summary.verdict === 'errored';
  const rate = rateOf(summary);
  const durationMs = Math.round(runs.reduce((sum, run) => sum + run.timeSeconds, 0) * 1000);
  if (passed) return { passed, rate, errored: false, failure: '', transcript: '', durationMs };
  const lines = [
    kind === 'trigger'
      ? shouldTrigger
        ? vscode.l10n.t('{0}; it should trigger in most runs.', rate)
        : vscode.l10n.t('{0}; it should not trigger.', rate)
      : vscode.l10n.t('{0}; most runs should pass.', rate),
  ];
  // Runs that failed for the same reasons are told once: "Runs 1, 2, 3:".
  const reasons = new Map<string, number[]>();
  const ordered = [...runs].sort((a, b) => a.runNumber - b.runNumber);
  for (const run of ordered) {
    if (run.passed) continue;
    const why: string[] = [];
    if (run.error !== null) why.push(`  ${run.error}`);
    for (const expectation of run.expectations) {
      if (!expectation.passed) why.push(`  ✗ ${expectation.text}: ${expectation.evidence}`);
    }
    if (kind === 'trigger' && run.error === null)
      why.push(run.triggered ? vscode.l10n.t('  The skill was used.') : vscode.l10n.t('  The skill was not used.'));
    const key = why.join('\n');
    reasons.set(key, [...(reasons.get(key) ?? []), run.runNumber]);
  }
  for (const [why, numbers] of reasons) {
    const list = numbers.map(formatCount);
    lines.push('', list.length === 1 ? vscode.l10n.t('Run {0}:', list.join('')) : vscode.l10n.t('Runs {0}:', list.join(', ')), why);
  }
  const transcript = ordered.find((run) => !run.passed)?.transcript ?? '';
  if (transcript) lines.push('', vscode.l10n.t('Transcript of the first failing run:'), '', indented(transcript));
  return { passed, rate, errored, failure: lines.join('\n'), transcript, durationMs };
}

/** "2/3 triggered", "1/3 runs passed", over the completed runs, then how many runs did not complete. */
function rateOf(summary: CaseSummary): string {
  if (summary.completed === 0) {
    return summary.runs === 1
      ? vscode.l10n.t('the run did not complete')
      : vscode.l10n.t('none of {0} runs completed', formatCount(summary.runs));
  }
  const [done, of] = [formatCount(summary.kind === 'trigger' ? summary.triggers : summary.passes), formatCount(summary.completed)];
  const rate =
    summary.kind === 'trigger'
      ? vscode.l10n.t('{0}/{1} triggered', done, of)
      : summary.completed === 1
        ? vscode.l10n.t('{0}/1 run passed', done)
        : vscode.l10n.t('{0}/{1} runs passed', done, of);
  const missing = summary.runs - summary.completed;
  if (missing === 0) return rate;
  return missing === 1
    ? vscode.l10n.t('{0}; 1 run did not complete', rate)
    : vscode.l10n.t('{0}; {1} runs did not complete', rate, formatCount(missing));
}

/** A transcript set off from the words around it: each line indented by four spaces (blank lines stay blank). */
export function indented(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line ? `    ${line}` : ''))
    .join('\n');
}
