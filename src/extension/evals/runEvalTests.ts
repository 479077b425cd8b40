import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';
import { abortOnCancel } from '../../core/async/abortOnCancel';
import type { LoadedEvals } from '../../core/evals/loadEvals';
import type { EvalCases } from '../../core/evals/plan';
import type { CaseRun } from '../../core/evals/runEvals';
import type { CaseSummary } from '../../core/evals/summary';
import { loadApiModule } from '../../core/api/loadApiModule';
import { displayPath } from '../ui/displayPath';
import { errorMessage, noKeyMessage } from '../ui/errorMessage';
import { caseOutcome } from './caseResultMessage';
import { confirmCost } from './confirmCost';
import type { EvalTestTree } from './evalTestController';
import { evalSettings, resultsDescription } from './evalSettings';
import { ReportedRun, type CaseReport } from './reportedRun';
import { draftTarget, pickedTarget, type EvalTarget, type TargetContext } from './evalTarget';

/** What a run of eval cases needs. */
export interface EvalRunContext extends TargetContext {
  readonly tree: EvalTestTree;
}

/** What the cases run against: the folder's draft (published first when it changed) or a remote version the user picks. */
export type EvalRunMode = 'draft' | 'remote';

/**
 * Runs the requested case items, one skill folder after another: the cost guard (a modal with the requests and
 * tokens, refused over `skillsmith.evals.maxRequests`), the version to run against, then every case N times
 * through core's `runEvals`. Each case is reported once its runs are in; cancelling the run aborts the requests.
 * Resolves with what was reported per item.
 */
export async function runEvalTests(
  context: EvalRunContext,
  request: vscode.TestRunRequest,
  token: vscode.CancellationToken,
  mode: EvalRunMode,
): Promise<CaseReport[]> {
  await context.tree.settled();
  const items = context.tree.casesOf(request.include, request.exclude);
  const byFolder = new Map<string, { folder: vscode.Uri; items: vscode.TestItem[] }>();
  for (const item of items) {
    const ref = context.tree.cases.get(item.id);
    if (!ref) continue;
    const group = byFolder.get(ref.folder.toString()) ?? { folder: ref.folder, items: [] };
    group.items.push(item);
    byFolder.set(ref.folder.toString(), group);
  }
  const run = new ReportedRun(
    context.tree.controller.createTestRun(request, undefined, true),
    (item) => context.tree.currentItem(item.id) ?? item,
  );
  try {
    for (const { items: group } of byFolder.values()) group.forEach((item) => run.run.enqueued(item));
    for (const { folder, items: group } of byFolder.values()) {
      if (token.isCancellationRequested) group.forEach((item) => run.skipped(item));
      else await runFolder(context, run, folder, group, mode, token);
    }
  } finally {
    run.run.end();
  }
  return run.reports;
}

async function runFolder(
  context: EvalRunContext,
  run: ReportedRun,
  folder: vscode.Uri,
  items: vscode.TestItem[],
  mode: EvalRunMode,
  token: vscode.CancellationToken,
): Promise<void> {
  const api = loadApiModule();
  const finish = (report: (item: vscode.TestItem) => void): void => {
    for (const item of items) if (!run.has(item)) report(item);
  };
  const name = displayPath(folder);
  try {
    const evals = await api.loadEvals(folder.fsPath);
    const refs = new Map(items.map((item) => [item.id, context.tree.cases.get(item.id)] as const));
    const keys = new Set([...refs.values()].map((ref) => ref?.caseKey));
    const cases: EvalCases = {
      triggers: evals.triggers.filter((item) => keys.has(`trigger-${item.index}`)),
      outputs: evals.outputs.filter((item) => keys.has(`eval-${item.id}`)),
    };
    if (cases.triggers.length + cases.outputs.length === 0) {
      run.run.appendOutput(`${vscode.l10n.t('The cases asked for are no longer in the eval files of {0}.', name)}\r\n`);
      return finish((item) => run.skipped(item));
    }
    const settings = evalSettings(folder);
    const estimate = api.estimateRun(cases, { ...settings, baseline: { kind: 'none' } });
    if (!(await confirmCost(context.services.prompts, name, cases.triggers.length + cases.outputs.length, settings.runs, estimate)))
      return finish((item) => skipped(run, context.tree, item));
    const target =
      mode === 'draft'
        ? await draftTarget(context, folder)
        : await pickedTarget(context, folder, vscode.l10n.t('Run the evals of {0} against which version?', name));
    if (!target) return finish((item) => skipped(run, context.tree, item));
    const sdk = await context.services.session.getSdk();
    if (!sdk) return finish((item) => run.errored(item, new vscode.TestMessage(noKeyMessage())));
    run.run.appendOutput(
      `${
        estimate.requests === 1
          ? vscode.l10n.t('Running the evals of {0} against {1}: 1 request', name, target.label)
          : vscode.l10n.t('Running the evals of {0} against {1}: {2} requests', name, target.label, formatCount(estimate.requests))
      }\r\n`,
    );
    const byKey = new Map<string, vscode.TestItem>();
    for (const item of items) {
      const ref = refs.get(item.id);
      if (
        ref &&
        (ref.kind === 'trigger'
          ? cases.triggers.some((t) => `trigger-${t.index}` === ref.caseKey)
          : cases.outputs.some((o) => `eval-${o.id}` === ref.caseKey))
      ) {
        byKey.set(ref.caseKey, item);
        run.run.started(item);
      }
    }
    const shouldTrigger = api.shouldTriggerOf(evals.triggers);
    const collected = new Map<string, CaseRun[]>();
    const linked = abortOnCancel(token);
    try {
      const result = await api.runEvals(sdk, cases, {
        skill: skillOf(target, evals),
        baseline: { kind: 'none' },
        ...settings,
        inputFolder: folder.fsPath,
        signal: linked.signal,
        onRun: (caseRun) => {
          const runs = [...(collected.get(caseRun.caseKey) ?? []), caseRun];
          collected.set(caseRun.caseKey, runs);
          const item = byKey.get(caseRun.caseKey);
          const ref = item && refs.get(item.id);
          if (!item || !ref || runs.length < settings.runs) return;
          const summary = api.summariseCases(runs, shouldTrigger)[0];
          if (summary) report(run, context.tree, item, runs, summary, shouldTrigger(ref.caseKey));
        },
      });
      if (result.cancelled) {
        run.run.appendOutput(`${vscode.l10n.t('The run of {0} was cancelled; no results were written.', name)}\r\n`);
        return finish((item) => skipped(run, context.tree, item));
      }
      const saved = await api.saveResults({ ...evals, ...cases }, result.runs, resultsDescription(settings));
      run.run.appendOutput(`${vscode.l10n.t('Results of {0}: {1}', name, saved.resultsFolder)}\r\n`);
      context.services.log.info(
        `Evals of ${folder.fsPath} against ${target.skillId}@${target.version}: ${result.runs.length} runs, results in ${saved.resultsFolder}`,
      );
    } finally {
      linked.dispose();
    }
    finish((item) => run.skipped(item));
  } catch (error) {
    const message =
      error instanceof api.CostCapError
        ? vscode.l10n.t('{0} The cap is the setting skillsmith.evals.maxRequests.', error.message)
        : vscode.l10n.t('Could not run the evals of {0}: {1}', name, errorMessage(error));
    context.services.log.warn(message);
    finish((item) => run.errored(item, new vscode.TestMessage(message)));
  }
}

/** Skips a case that did not run this time (declined, cancelled): no rate of an older run stays beside it. */
function skipped(run: ReportedRun, tree: EvalTestTree, item: vscode.TestItem): void {
  tree.clearRate(item.id);
  run.skipped(item);
}

/** Reports one case by core's verdict: passed, failed or errored with its rate, the failure with its transcript. */
function report(
  run: ReportedRun,
  tree: EvalTestTree,
  requested: vscode.TestItem,
  runs: readonly CaseRun[],
  summary: CaseSummary,
  shouldTrigger: boolean,
): void {
  const outcome = caseOutcome(runs, summary, shouldTrigger);
  const item = tree.currentItem(requested.id) ?? requested;
  const location = item.uri && item.range ? new vscode.Location(item.uri, item.range) : undefined;
  tree.showRate(item.id, outcome.rate);
  run.run.appendOutput(`${item.label}: ${outcome.rate}\r\n`, location, item);
  if (outcome.passed) return run.passed(item, outcome.durationMs);
  const message = new vscode.TestMessage(outcome.failure);
  if (location) message.location = location;
  if (outcome.transcript) run.run.appendOutput(`${outcome.transcript.replace(/\r?\n/g, '\r\n')}\r\n`, location, item);
  if (outcome.errored) run.errored(item, message, outcome.durationMs);
  else run.failed(item, message, outcome.durationMs);
}

function skillOf(target: EvalTarget, evals: LoadedEvals): { skillId: string; version: string; directory: string } {
  return { skillId: target.skillId, version: target.version, directory: evals.name };
}
