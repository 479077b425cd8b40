import * as vscode from 'vscode';
import type { CostEstimate } from '../../core/evals/plan';
import type { Prompts } from '../ui/prompts';

/** The cost guard's modal before a run: how many cases, requests and tokens; resolves true to go ahead. */
export function confirmCost(prompts: Prompts, name: string, caseCount: number, runs: number, estimate: CostEstimate): Promise<boolean> {
  return prompts.confirm(
    vscode.l10n.t('Run {0} eval cases of {1}, {2} times each?', caseCount, name, runs),
    vscode.l10n.t('This sends {0} requests to the Claude API: about {1} input tokens and up to {2} output tokens. The cap per run is the setting skillsmith.evals.maxRequests.', estimate.requests, estimate.inputTokens, estimate.maxOutputTokens),
    vscode.l10n.t('Run Evals'),
  );
}
