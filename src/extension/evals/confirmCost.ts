import * as vscode from 'vscode';
import type { CostEstimate } from '../../core/evals/plan';
import { formatCount } from '../../core/text/count';
import type { Prompts } from '../ui/prompts';

/**
 * The cost guard's modal before a run: how many cases (on how many versions, for a comparison), requests and
 * tokens; resolves true to go ahead.
 */
export function confirmCost(
  prompts: Prompts,
  name: string,
  caseCount: number,
  runs: number,
  estimate: CostEstimate,
  versions = 1,
): Promise<boolean> {
  const cases = caseCount === 1 ? vscode.l10n.t('1 eval case') : vscode.l10n.t('{0} eval cases', formatCount(caseCount));
  const times = runs === 1 ? vscode.l10n.t('once') : vscode.l10n.t('{0} times each', formatCount(runs));
  const requests = estimate.requests === 1 ? vscode.l10n.t('1 request') : vscode.l10n.t('{0} requests', formatCount(estimate.requests));
  return prompts.confirm(
    versions === 1
      ? vscode.l10n.t('Run {0} of {1}, {2}?', cases, name, times)
      : vscode.l10n.t('Run {0} of {1} on {2} versions, {3}?', cases, name, formatCount(versions), times),
    vscode.l10n.t(
      'This sends {0} to the Claude API: about {1} input tokens and up to {2} output tokens. The cap per run is the setting skillsmith.evals.maxRequests.',
      requests,
      formatCount(estimate.inputTokens),
      formatCount(estimate.maxOutputTokens),
    ),
    vscode.l10n.t('Run Evals'),
  );
}
