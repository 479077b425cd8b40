/** The report of `skillsmith eval`: per case and per configuration, as text, JSON or JUnit XML. */
import type { CaseRun } from '../core/evals/runEvals';
import { countOf, formatCount } from '../core/text/count';
import { caseRateText, type CaseSummary, type ConfigurationSummary } from '../core/evals/summary';
import type { LoadedEvals } from '../core/evals/loadEvals';
import { oneLine } from './terminalText';

/** What a report shows. */
export interface EvalReport {
  readonly evals: LoadedEvals;
  readonly cases: readonly CaseSummary[];
  readonly configurations: readonly ConfigurationSummary[];
  readonly runs: readonly CaseRun[];
  readonly resultsFolder: string;
  /** Thresholds not met, as sentences. */
  readonly unmet: readonly string[];
  /** Messages requests sent. */
  readonly requestsSent: number;
  /** The cap the run stopped at, or null when it did not reach it. */
  readonly capReached: number | null;
}

const MARKS: Record<CaseSummary['verdict'], string> = { passed: '✓', failed: '✗', errored: '!' };

/** The case's words: a trigger query or an output prompt. */
export function caseLabel(evals: LoadedEvals, caseKey: string): string {
  const trigger = evals.triggers.find((item) => `trigger-${item.index}` === caseKey);
  if (trigger) return `${trigger.shouldTrigger ? 'should trigger' : 'should not trigger'}: ${trigger.query}`;
  const output = evals.outputs.find((item) => `eval-${item.id}` === caseKey);
  return output ? `eval ${output.id}: ${output.prompt}` : caseKey;
}

/** A human report: a line per case and configuration, the failed expectations' evidence, then the totals. */
export function textReport(report: EvalReport): string {
  const lines: string[] = [];
  for (const item of report.cases) {
    const label = oneLine(caseLabel(report.evals, item.caseKey), 80);
    const figure =
      item.kind === 'output' && item.completed > 0 ? `pass rate ${percent(item.passRate)}, ${caseRateText(item)}` : caseRateText(item);
    lines.push(`${MARKS[item.verdict]} [${item.configuration}] ${label} — ${figure}`);
    if (item.passed) continue;
    const runs = report.runs.filter((run) => run.caseKey === item.caseKey && run.configuration === item.configuration && !run.passed);
    const errored = runs.find((run) => run.error !== null);
    if (errored) lines.push(`    run ${errored.runNumber}: ${oneLine(errored.error ?? '', 200)}`);
    if (item.verdict === 'errored' || item.kind === 'trigger') continue;
    for (const expectation of runs[0]?.expectations.filter((entry) => !entry.passed) ?? [])
      lines.push(`    ✗ ${oneLine(expectation.text, 100)} — ${oneLine(expectation.evidence, 160)}`);
  }
  lines.push('');
  for (const summary of report.configurations) {
    const parts: string[] = [];
    if (summary.triggerRuns > 0)
      parts.push(
        `trigger rate ${percent(summary.triggerRate)} (precision ${percent(summary.triggerPrecision)}, recall ${percent(summary.triggerRecall)})`,
      );
    if (summary.outputRuns > 0)
      parts.push(
        `pass rate ${percent(summary.passRate.mean)} ± ${percent(summary.passRate.stddev)}, tokens ${formatCount(Math.round(summary.tokens.mean))} per run`,
      );
    if (summary.erroredRuns > 0)
      parts.push(`${countOf(summary.erroredRuns, 'run')} did not complete and ${summary.erroredRuns === 1 ? 'is' : 'are'} not counted`);
    lines.push(`${summary.configuration}: ${parts.length > 0 ? parts.join('; ') : 'no run completed'}`);
  }
  if (report.capReached !== null) lines.push(`Stopped at the cap of ${countOf(report.capReached, 'request')}.`);
  lines.push(`Results: ${report.resultsFolder}`);
  for (const sentence of report.unmet) lines.push(`Threshold not met: ${sentence}`);
  return `${lines.join('\n')}\n`;
}

/** The whole report as JSON. */
export function jsonReport(report: EvalReport): string {
  const number = (value: number): number | null => (Number.isFinite(value) ? value : null);
  return `${JSON.stringify(
    {
      skill: { name: report.evals.name, folder: report.evals.skillFolder, files: report.evals.files },
      cases: report.cases.map((item) => ({
        ...item,
        triggerRate: number(item.triggerRate),
        passRate: number(item.passRate),
        label: caseLabel(report.evals, item.caseKey),
      })),
      configurations: report.configurations.map((summary) => ({
        ...summary,
        triggerRate: number(summary.triggerRate),
        triggerPrecision: number(summary.triggerPrecision),
        triggerRecall: number(summary.triggerRecall),
      })),
      resultsFolder: report.resultsFolder,
      unmet: report.unmet,
      requestsSent: report.requestsSent,
      capReached: report.capReached,
    },
    null,
    2,
  )}\n`;
}

/**
 * JUnit XML: one test case per eval case and configuration; a failure carries a failed run's transcript, an
 * `<error>` (a case without a verdict) the first error and that run's transcript.
 */
export function junitReport(report: EvalReport): string {
  const failures = report.cases.filter((item) => item.verdict === 'failed').length;
  const errors = report.cases.filter((item) => item.verdict === 'errored').length;
  const cases = report.cases.map((item) => {
    const name = `[${item.configuration}] ${caseLabel(report.evals, item.caseKey)}`;
    const open = `    <testcase classname="${xml(report.evals.name)}.${item.kind}" name="${xml(name)}">`;
    if (item.passed) return `${open}</testcase>`;
    const mine = report.runs.filter(
      (entry) => entry.caseKey === item.caseKey && entry.configuration === item.configuration && !entry.passed,
    );
    if (item.verdict === 'errored') {
      const run = mine.find((entry) => entry.error !== null);
      return `${open}\n      <error message="${xml(`${caseRateText(item)}: ${run?.error ?? ''}`)}">${xml(run?.transcript ?? '')}</error>\n    </testcase>`;
    }
    const message =
      item.kind === 'trigger'
        ? `triggered ${formatCount(item.triggers)} of ${countOf(item.runs, 'run')}`
        : `pass rate ${percent(item.passRate)}`;
    return `${open}\n      <failure message="${xml(message)}">${xml(mine[0]?.transcript ?? '')}</failure>\n    </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="${xml(`skill evals: ${report.evals.name}`)}" tests="${report.cases.length}" failures="${failures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

function percent(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value * 100)}%` : 'n/a';
}

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
