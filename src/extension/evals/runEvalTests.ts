import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';
import { abortOnCancel } from '../../core/async/abortOnCancel';
import type { LoadedEvals } from '../../core/evals/loadEvals';
import { addEstimates, type CostEstimate, type EvalCases } from '../../core/evals/plan';
import type { CaseRun } from '../../core/evals/runEvals';
import type { CaseSummary } from '../../core/evals/summary';
import { loadApiModule } from '../../core/api/loadApiModule';
import { displayPath } from '../ui/displayPath';
import { errorMessage, noKeyMessage } from '../ui/errorMessage';
import { caseOutcome, indented } from './caseResultMessage';
import { confirmCost, type CostQuestion } from './confirmCost';
import type { EvalTestTree } from './evalTestController';
import { evalSettings, resultsDescription, type EvalSettings } from './evalSettings';
import { ReportedRun, type CaseReport } from './reportedRun';
import { askDraftTarget, pickedTarget, publishDraft, type EvalTarget, type TargetContext } from './evalTarget';

/** What a run of eval cases needs. */
export interface EvalRunContext extends TargetContext {
  readonly tree: EvalTestTree;
}

/** What the cases run against: the folder's draft (published first when it changed) or a remote version the user picks. */
export type EvalRunMode = 'draft' | 'remote';

/** A folder whose cases are to run, once the cost question is answered. */
interface ReadyPlan {
  readonly kind: 'ready';
  readonly folder: vscode.Uri;
  readonly items: vscode.TestItem[];
  readonly evals: LoadedEvals;
  readonly cases: EvalCases;
  readonly settings: EvalSettings;
  readonly estimate: CostEstimate;
  /** The version to run against, or `publish` when the draft is to be published first (the user agreed). */
  readonly target: EvalTarget | 'publish';
}

/** A folder's cases once every question about them is answered. */
type FolderPlan =
  | ReadyPlan
  | { readonly kind: 'skipped'; readonly folder: vscode.Uri; readonly items: vscode.TestItem[]; readonly output?: string }
  | { readonly kind: 'errored'; readonly folder: vscode.Uri; readonly items: vscode.TestItem[]; readonly message: string };

/** A folder whose cases run now, against `target`. */
type RunnablePlan = ReadyPlan & { readonly target: EvalTarget };

/** A folder's plan once the cost question is answered and any publish is done: its version is known. */
type DecidedPlan = Exclude<FolderPlan, ReadyPlan> | RunnablePlan;

/**
 * Runs the requested case items. Every question comes first, before anything shows as started: per skill folder the
 * cost cap (refused over `skillsmith.evals.maxRequests` without a question), then whether to publish the changed
 * draft (or which remote version); then one cost question for the whole run (requests and tokens); then the publishes
 * agreed to, which leave the Testing view in front. Only then does the run start: every case N times through core's
 * `runEvals`, each reported once its runs are in; cancelling aborts the requests. Resolves with what was reported.
 */
export async function runEvalTests(
  context: EvalRunContext,
  request: vscode.TestRunRequest,
  token: vscode.CancellationToken,
  mode: EvalRunMode,
): Promise<CaseReport[]> {
  await context.tree.settled();
  const plans: FolderPlan[] = [];
  for (const { folder, items } of groupByFolder(context.tree, context.tree.casesOf(request.include, request.exclude))) {
    plans.push(token.isCancellationRequested ? { kind: 'skipped', folder, items } : await planFolder(context, folder, items, mode));
  }
  const [first, ...others] = plans.filter((plan) => plan.kind === 'ready');
  const agreed =
    first !== undefined && !token.isCancellationRequested && (await confirmCost(context.services.prompts, costQuestion(first, others)));
  const decided: DecidedPlan[] = [];
  for (const plan of plans) {
    if (plan.kind !== 'ready') {
      decided.push(plan);
      continue;
    }
    const target =
      !agreed || token.isCancellationRequested
        ? undefined
        : plan.target === 'publish'
          ? await publishDraft(context, plan.folder)
          : plan.target;
    decided.push(target ? { ...plan, target } : { kind: 'skipped', folder: plan.folder, items: plan.items });
  }
  const run = new ReportedRun(
    context.tree.controller.createTestRun(request, undefined, true),
    (item) => context.tree.currentItem(item.id) ?? item,
  );
  try {
    for (const plan of decided) plan.items.forEach((item) => run.run.enqueued(item));
    for (const plan of decided) {
      if (plan.kind === 'errored') plan.items.forEach((item) => run.errored(item, new vscode.TestMessage(plan.message)));
      else if (plan.kind === 'skipped' || token.isCancellationRequested) {
        if (plan.kind === 'skipped' && plan.output) run.run.appendOutput(`${plan.output}\r\n`);
        plan.items.forEach((item) => skipped(run, context.tree, item));
      } else await runFolder(context, run, plan, token);
    }
  } finally {
    run.run.end();
  }
  return run.reports;
}

/** The requested case items by skill folder, in the order first met. */
function groupByFolder(tree: EvalTestTree, items: readonly vscode.TestItem[]): { folder: vscode.Uri; items: vscode.TestItem[] }[] {
  const byFolder = new Map<string, { folder: vscode.Uri; items: vscode.TestItem[] }>();
  for (const item of items) {
    const ref = tree.cases.get(item.id);
    if (!ref) continue;
    const group = byFolder.get(ref.folder.toString()) ?? { folder: ref.folder, items: [] };
    group.items.push(item);
    byFolder.set(ref.folder.toString(), group);
  }
  return [...byFolder.values()];
}

/** Reads a folder's cases, checks the cost cap, and asks what the cases run against (nothing is sent, nothing starts). */
async function planFolder(context: EvalRunContext, folder: vscode.Uri, items: vscode.TestItem[], mode: EvalRunMode): Promise<FolderPlan> {
  const api = loadApiModule();
  const name = displayPath(folder);
  try {
    const evals = await api.loadEvals(folder.fsPath);
    const keys = new Set(items.map((item) => context.tree.cases.get(item.id)?.caseKey));
    const cases: EvalCases = {
      triggers: evals.triggers.filter((item) => keys.has(`trigger-${item.index}`)),
      outputs: evals.outputs.filter((item) => keys.has(`eval-${item.id}`)),
    };
    if (cases.triggers.length + cases.outputs.length === 0)
      return { kind: 'skipped', folder, items, output: vscode.l10n.t('The cases asked for are no longer in the eval files of {0}.', name) };
    const settings = evalSettings(folder);
    const estimate = api.estimateRun(cases, { ...settings, baseline: { kind: 'none' } });
    let target: EvalTarget | 'publish' | undefined;
    if (mode === 'draft') {
      const answer = await askDraftTarget(context, folder);
      target = answer?.kind === 'linked' ? answer.target : answer?.kind;
    } else target = await pickedTarget(context, folder, vscode.l10n.t('Run the evals of {0} against which version?', name));
    if (!target) return { kind: 'skipped', folder, items };
    return { kind: 'ready', folder, items, evals, cases, settings, estimate, target };
  } catch (error) {
    const message =
      error instanceof api.CostCapError
        ? vscode.l10n.t('{0} The cap is the setting skillsmith.evals.maxRequests.', error.message)
        : vscode.l10n.t('Could not run the evals of {0}: {1}', name, errorMessage(error));
    context.services.log.warn(message);
    return { kind: 'errored', folder, items, message };
  }
}

/** The one cost question of a run over the folders ready to run: their cases, runs, requests and tokens together. */
function costQuestion(first: ReadyPlan, others: readonly ReadyPlan[]): CostQuestion {
  const runs = new Set([first, ...others].map((plan) => plan.settings.runs));
  return {
    name: others.length === 0 ? displayPath(first.folder) : vscode.l10n.t('{0} skill folders', formatCount(others.length + 1)),
    caseCount: [first, ...others].reduce((sum, plan) => sum + plan.cases.triggers.length + plan.cases.outputs.length, 0),
    runs: runs.size === 1 ? first.settings.runs : undefined,
    estimate: others.reduce((sum, plan) => addEstimates(sum, plan.estimate), first.estimate),
  };
}

/** Runs one folder's cases against its target and reports each case as its runs come in. */
async function runFolder(context: EvalRunContext, run: ReportedRun, plan: RunnablePlan, token: vscode.CancellationToken): Promise<void> {
  const api = loadApiModule();
  const { folder, items, evals, cases, settings, estimate, target } = plan;
  const finish = (report: (item: vscode.TestItem) => void): void => {
    for (const item of items) if (!run.has(item)) report(item);
  };
  const name = displayPath(folder);
  try {
    const refs = new Map(items.map((item) => [item.id, context.tree.cases.get(item.id)] as const));
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
      run.run.appendOutput(`\r\n${vscode.l10n.t('Results of {0}: {1}', name, displayPath(vscode.Uri.file(saved.resultsFolder)))}\r\n`);
      context.services.log.info(
        `Evals of ${folder.fsPath} against ${target.skillId}@${target.version}: ${result.runs.length} runs, results in ${saved.resultsFolder}`,
      );
    } finally {
      linked.dispose();
    }
    finish((item) => run.skipped(item));
  } catch (error) {
    const message = vscode.l10n.t('Could not run the evals of {0}: {1}', name, errorMessage(error));
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
  const label = tree.cases.get(item.id)?.baseLabel ?? item.label;
  tree.showRate(item.id, outcome.rate);
  // In Test Results each case is a heading line after a blank one, its transcript indented under it.
  run.run.appendOutput('\r\n', undefined, item);
  run.run.appendOutput(`${label}: ${outcome.rate}\r\n`, location, item);
  if (outcome.passed) return run.passed(item, outcome.durationMs);
  const message = new vscode.TestMessage(outcome.failure);
  if (location) message.location = location;
  if (outcome.transcript) {
    const transcript = indented(outcome.transcript).replace(/\n/g, '\r\n');
    run.run.appendOutput(`\r\n${vscode.l10n.t('Transcript of the first failing run:')}\r\n\r\n${transcript}\r\n`, undefined, item);
  }
  if (outcome.errored) run.errored(item, message, outcome.durationMs);
  else run.failed(item, message, outcome.durationMs);
}

function skillOf(target: EvalTarget, evals: LoadedEvals): { skillId: string; version: string; directory: string } {
  return { skillId: target.skillId, version: target.version, directory: evals.name };
}
