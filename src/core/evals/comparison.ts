/** Two versions of a skill on the same cases, side by side, as Markdown: what "Compare Eval Results of Two Versions…" shows. */
import { countOf, formatCount } from '../text/count';
import type { LoadedEvals } from './loadEvals';
import type { CaseRun } from './runEvals';
import { shouldTriggerOf } from './saveResults';
import { caseRateText, summariseCases, summariseConfigurations, type CaseSummary, type ConfigurationSummary } from './summary';

/** What is compared: the runs of `with_skill` (version A) and `old_skill` (version B) over the same cases. */
export interface ComparisonInput {
  readonly evals: LoadedEvals;
  readonly runs: readonly CaseRun[];
  readonly versionA: string;
  readonly versionB: string;
  readonly runsPerCase: number;
  readonly model: string;
}

/** The comparison as a Markdown document: the totals per version, then every case with its rate in each. */
export function comparisonMarkdown(input: ComparisonInput): string {
  const shouldTrigger = shouldTriggerOf(input.evals.triggers);
  const totals = summariseConfigurations(input.runs, shouldTrigger);
  const a = totals.find((item) => item.configuration === 'with_skill');
  const b = totals.find((item) => item.configuration === 'old_skill');
  const cases = summariseCases(input.runs, shouldTrigger);
  const lines = [
    `# Evals of ${text(input.evals.name)}: two versions`,
    '',
    `A: ${text(input.versionA)}  `,
    `B: ${text(input.versionB)}  `,
    `${countOf(input.runsPerCase, 'run')} per case with ${text(input.model)}.`,
    '',
    '| | A | B |',
    '|---|---|---|',
    row('Trigger precision', a?.triggerPrecision, b?.triggerPrecision, percent),
    row('Trigger recall', a?.triggerRecall, b?.triggerRecall, percent),
    row('Trigger runs as expected', a?.triggerRate, b?.triggerRate, percent),
    row(
      'Output pass rate',
      outputs(a, (s) => s.passRate.mean),
      outputs(b, (s) => s.passRate.mean),
      percent,
    ),
    row(
      'Tokens per output run',
      outputs(a, (s) => s.tokens.mean),
      outputs(b, (s) => s.tokens.mean),
      (value) => formatCount(Math.round(value)),
    ),
    '',
  ];
  if (input.evals.triggers.length > 0) {
    lines.push('## Trigger cases', '', '| Query | Expected | A | B |', '|---|---|---|---|');
    for (const item of input.evals.triggers) {
      const key = `trigger-${item.index}`;
      lines.push(
        `| ${text(item.query)} | ${item.shouldTrigger ? 'triggers' : 'does not trigger'} | ${triggerCell(cases, key, 'with_skill')} | ${triggerCell(cases, key, 'old_skill')} |`,
      );
    }
    lines.push('');
  }
  if (input.evals.outputs.length > 0) {
    lines.push('## Output cases', '', '| Case | A | B |', '|---|---|---|');
    for (const item of input.evals.outputs) {
      const key = `eval-${item.id}`;
      lines.push(`| #${item.id} ${text(item.prompt)} | ${outputCell(cases, key, 'with_skill')} | ${outputCell(cases, key, 'old_skill')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function outputs(summary: ConfigurationSummary | undefined, pick: (summary: ConfigurationSummary) => number): number | undefined {
  return summary && summary.outputRuns > 0 ? pick(summary) : undefined;
}

function row(label: string, a: number | undefined, b: number | undefined, format: (value: number) => string): string {
  const cell = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? 'n/a' : format(value));
  return `| ${label} | ${cell(a)} | ${cell(b)} |`;
}

function triggerCell(cases: readonly CaseSummary[], key: string, configuration: CaseSummary['configuration']): string {
  const summary = cases.find((item) => item.caseKey === key && item.configuration === configuration);
  if (!summary) return 'n/a';
  return `${mark(summary)} ${caseRateText(summary)}`;
}

function outputCell(cases: readonly CaseSummary[], key: string, configuration: CaseSummary['configuration']): string {
  const summary = cases.find((item) => item.caseKey === key && item.configuration === configuration);
  if (!summary) return 'n/a';
  return `${mark(summary)} ${caseRateText(summary)}${summary.completed > 0 ? ` (${percent(summary.passRate)} met)` : ''}`;
}

/** ✓ passed, ✗ failed, ⚠ errored (no verdict). */
function mark(summary: CaseSummary): string {
  return summary.verdict === 'passed' ? '✓' : summary.verdict === 'failed' ? '✗' : '⚠';
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Case text in a table cell: one line, no table or HTML syntax, at most 80 characters. */
function text(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  const short = line.length > 80 ? `${line.slice(0, 79)}…` : line;
  return short.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`);
}
