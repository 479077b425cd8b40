import * as vscode from 'vscode';
import type { CostEstimate } from '../../core/evals/plan';
import { formatCount } from '../../core/text/count';
import type { Prompts } from '../ui/prompts';

/** What the cost question is about. */
export interface CostQuestion {
  /** What runs: a skill folder as the user reads it, or "2 skill folders". */
  readonly name: string;
  readonly caseCount: number;
  /** Runs per case, or undefined when the folders of one run differ. */
  readonly runs: number | undefined;
  readonly estimate: CostEstimate;
  /** Versions each case runs on (2 for a comparison). */
  readonly versions?: number;
}

/**
 * The cost guard's modal before a run: how many cases (on how many versions, for a comparison), requests and
 * tokens; resolves true to go ahead.
 */
export function confirmCost(prompts: Prompts, question: CostQuestion): Promise<boolean> {
  const { name, caseCount, runs, estimate, versions = 1 } = question;
  const cases = caseCount === 1 ? vscode.l10n.t('1 eval case') : vscode.l10n.t('{0} eval cases', formatCount(caseCount));
  const what =
    versions === 1
      ? vscode.l10n.t('{0} of {1}', cases, name)
      : vscode.l10n.t('{0} of {1} on {2} versions', cases, name, formatCount(versions));
  const requests = estimate.requests === 1 ? vscode.l10n.t('1 request') : vscode.l10n.t('{0} requests', formatCount(estimate.requests));
  return prompts.confirm(
    runs === undefined
      ? vscode.l10n.t('Run {0}?', what)
      : runs === 1
        ? vscode.l10n.t('Run {0}, once?', what)
        : vscode.l10n.t('Run {0}, {1} times each?', what, formatCount(runs)),
    vscode.l10n.t(
      'This sends {0} to the Claude API: about {1} input tokens and up to {2} output tokens. If every answer pauses and is continued: up to {3} requests and {4} output tokens. The cap per run is the setting skillsmith.evals.maxRequests.',
      requests,
      formatCount(estimate.inputTokens),
      formatCount(estimate.outputTokens),
      formatCount(estimate.worstCaseRequests),
      formatCount(estimate.maxOutputTokens),
    ),
    vscode.l10n.t('Run Evals'),
  );
}
