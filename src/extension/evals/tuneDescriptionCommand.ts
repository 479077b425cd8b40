import * as vscode from 'vscode';
import { loadApiModule } from '../../core/api/loadApiModule';
import type { TuneEvent, TuneResult } from '../../core/evals/tune/tuneDescription';
import type { Measurement, TriggerScore } from '../../core/evals/tune/measureDescription';
import { formatCount } from '../../core/text/count';
import type { Services } from '../services/services';
import { displayPath } from '../ui/displayPath';
import { showNoKeyError } from '../ui/errorMessage';
import { showError } from '../ui/showError';
import { toVscodeRange } from '../ui/toVscodeDiagnostic';
import { withCancellableProgress } from '../ui/withCancellableProgress';
import { evalSettings } from './evalSettings';

/** The read-only documents a tuning opens: its result table and the two SKILL.md texts of the side-by-side view. */
export const TUNING_SCHEME = 'skillsmith-tuning';

/** The documents of the tunings made in this window, by URI. */
const documents = new Map<string, string>();

/** Serves the tuning documents (read-only: nothing can save over them). */
export const tuningDocuments: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent: (uri) => documents.get(uri.toString()) ?? '',
};

/** What a tuning ended with, for the tests: the result table's URI, the winning description and whether it was applied. */
export interface TuneOutcome {
  readonly table: vscode.Uri;
  readonly winner: string;
  readonly applied: boolean;
}

/**
 * "Tune Skill Description…": the cost question for the whole tuning (refused over `skillsmith.evals.maxRequests`),
 * the user's candidates (optional), then core's `tuneDescription` under a cancellable progress. Opens the result
 * table per round, and when a candidate beat the current description, SKILL.md old and new side by side and asks to
 * apply it: one undoable edit of the frontmatter's description.
 */
export async function tuneSkillDescription(services: Services, arg?: unknown): Promise<TuneOutcome | undefined> {
  const folder = await services.folders.resolve(arg, vscode.l10n.t('Tune the description of which skill?'));
  if (!folder) return undefined;
  const name = displayPath(folder);
  const api = loadApiModule();
  try {
    const evals = await api.loadEvals(folder.fsPath);
    if (evals.triggers.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          '{0} has no trigger cases: tuning measures the description on evals/trigger-evals.json. Create it with "Create Eval Files".',
          name,
        ),
      );
      return undefined;
    }
    const typed = await services.prompts.askText(
      vscode.l10n.t('Tune the description of {0}', name),
      vscode.l10n.t('Your own candidate descriptions, one per line (optional): the model proposes more.'),
    );
    if (typed === undefined) return undefined;
    const candidates = typed
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const settings = evalSettings(folder);
    const estimate = api.tuningEstimate(
      evals.triggers.length,
      settings.runs,
      1 + candidates.length + api.DEFAULT_PROPOSALS,
      1,
      settings.maxTokens,
    );
    if (estimate.requests > settings.maxRequests) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'Tuning {0} would send {1} requests, over the cap of {2}. Raise the setting skillsmith.evals.maxRequests or lower skillsmith.evals.runs.',
          name,
          formatCount(estimate.requests),
          formatCount(settings.maxRequests),
        ),
      );
      return undefined;
    }
    const go = await services.prompts.confirm(
      vscode.l10n.t('Tune the description of {0}?', name),
      vscode.l10n.t(
        'This measures the current description and up to {0} on {1}, {2}, through temporary skills deleted afterwards: up to {3}, about {4} input tokens and up to {5} output tokens ({6} requests and {7} output tokens if every answer pauses and is continued). The cap is the setting skillsmith.evals.maxRequests.',
        candidateCount(candidates.length + api.DEFAULT_PROPOSALS),
        evals.triggers.length === 1
          ? vscode.l10n.t('1 trigger case')
          : vscode.l10n.t('{0} trigger cases', formatCount(evals.triggers.length)),
        settings.runs === 1 ? vscode.l10n.t('once') : vscode.l10n.t('{0} times each', formatCount(settings.runs)),
        estimate.requests === 1 ? vscode.l10n.t('1 request') : vscode.l10n.t('{0} requests', formatCount(estimate.requests)),
        formatCount(estimate.inputTokens),
        formatCount(estimate.outputTokens),
        formatCount(estimate.worstCaseRequests),
        formatCount(estimate.maxOutputTokens),
      ),
      vscode.l10n.t('Tune'),
    );
    if (!go) return undefined;
    const sdk = await services.session.getSdk();
    if (!sdk) {
      void showNoKeyError();
      return undefined;
    }
    const client = await services.session.getClient();
    const result = await withCancellableProgress(vscode.l10n.t('Tuning the description of {0}', name), (progress, signal) =>
      api.tuneDescription(sdk, client, folder.fsPath, {
        candidates,
        runs: settings.runs,
        model: settings.model,
        maxTokens: settings.maxTokens,
        maxRequests: settings.maxRequests,
        signal,
        onEvent: (event) => progress.report({ message: progressMessage(event) }),
      }),
    );
    if (result.leftBehind.length > 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Some temporary skills could not be deleted: {0}. Delete them in the Skills view.',
          result.leftBehind.map((item) => item.reason).join('; '),
        ),
      );
    }
    if (result.cancelled) return undefined;
    const table = vscode.Uri.from({ scheme: TUNING_SCHEME, path: `/${evals.name} tuning.md` });
    documents.set(table.toString(), tuningMarkdown(result));
    await vscode.commands.executeCommand('markdown.showPreview', table);
    if (result.noCandidates || result.winner === result.current) return { table, winner: result.winner.description, applied: false };
    const before = vscode.Uri.from({ scheme: TUNING_SCHEME, path: `/${evals.name}/current/SKILL.md` });
    const after = vscode.Uri.from({ scheme: TUNING_SCHEME, path: `/${evals.name}/tuned/SKILL.md` });
    documents.set(before.toString(), result.skillMd);
    documents.set(after.toString(), api.withDescription(result.skillMd, result.winner.description));
    await vscode.commands.executeCommand('vscode.diff', before, after, vscode.l10n.t('{0}: current ↔ tuned description', evals.name));
    const apply = await services.prompts.confirm(
      vscode.l10n.t('Use the tuned description in {0}?', name),
      vscode.l10n.t('It did best on the held-out cases. Only the description in SKILL.md changes, in one edit you can undo.'),
      vscode.l10n.t('Apply'),
    );
    return { table, winner: result.winner.description, applied: apply && (await applyWinner(folder, result.winner.description)) };
  } catch (error) {
    if (error instanceof api.CostCapError) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} The cap is the setting skillsmith.evals.maxRequests.', error.message));
      return undefined;
    }
    void showError(services.log, vscode.l10n.t('Could not tune the description of {0}', name), error);
    return undefined;
  }
}

/** Replaces the frontmatter description of the folder's SKILL.md in one workspace edit (undoable, the file left unsaved). */
async function applyWinner(folder: vscode.Uri, description: string): Promise<boolean> {
  const uri = vscode.Uri.joinPath(folder, 'SKILL.md');
  const document = await vscode.workspace.openTextDocument(uri);
  const text = document.getText();
  const bomless = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const edit = loadApiModule().descriptionEdit(bomless, description);
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(uri, toVscodeRange(edit.range), edit.newText);
  return vscode.workspace.applyEdit(workspaceEdit);
}

/** "1 candidate", "3 candidates". */
function candidateCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 candidate') : vscode.l10n.t('{0} candidates', formatCount(count));
}

function progressMessage(event: TuneEvent): string {
  switch (event.type) {
    case 'plan':
      return vscode.l10n.t(
        '{0} train and {1} holdout cases',
        formatCount(event.split.train.length),
        formatCount(event.split.holdout.length),
      );
    case 'dropped':
      return vscode.l10n.t('A candidate was dropped: {0}', event.reason);
    case 'proposals':
      return event.problem ?? vscode.l10n.t('The model proposed {0}', candidateCount(event.count));
    case 'measuring':
      return vscode.l10n.t('Measuring: {0}', shorten(event.description));
    case 'measured':
      return vscode.l10n.t('Measured: {0}', shorten(event.measurement.description));
  }
}

/** The result table per round: each description with its train and holdout precision and recall, and tokens. */
function tuningMarkdown(result: TuneResult): string {
  const header = [
    `| ${vscode.l10n.t('Description')} | ${vscode.l10n.t('From')} | ${vscode.l10n.t('Train precision')} | ${vscode.l10n.t('Train recall')} | ${vscode.l10n.t('Holdout precision')} | ${vscode.l10n.t('Holdout recall')} | ${vscode.l10n.t('Tokens')} |`,
    '|---|---|---|---|---|---|---|',
  ];
  const row = (item: Measurement): string => {
    const mark = item === result.winner ? ' ★' : '';
    return `| ${cell(item.description)}${mark} | ${sourceLabel(item.source)} | ${percent(item.train, 'precision')} | ${percent(item.train, 'recall')} | ${item.holdout ? percent(item.holdout, 'precision') : '—'} | ${item.holdout ? percent(item.holdout, 'recall') : '—'} | ${formatCount(item.tokens)} |`;
  };
  const lines = [
    `# ${vscode.l10n.t('Tuning the description of {0}', result.skillName)}`,
    '',
    `## ${vscode.l10n.t('Current description')}`,
    '',
    ...header,
    row(result.current),
  ];
  for (const round of result.rounds) {
    lines.push('', `## ${vscode.l10n.t('Round {0}', formatCount(round.round))}`, '');
    if (round.proposalProblem) lines.push(cell(round.proposalProblem), '');
    if (round.measurements.length > 0) lines.push(...header, ...round.measurements.map(row));
    for (const dropped of round.dropped)
      lines.push('', vscode.l10n.t('Dropped "{0}": {1}', cell(dropped.description), cell(dropped.reason)));
  }
  lines.push(
    '',
    result.noCandidates
      ? vscode.l10n.t('No candidate could be measured.')
      : result.winner === result.current
        ? vscode.l10n.t('No candidate beat the current description on the holdout cases.')
        : vscode.l10n.t('★ The winner on the holdout cases.'),
  );
  return `${lines.join('\n')}\n`;
}

function sourceLabel(source: Measurement['source']): string {
  return source === 'current' ? vscode.l10n.t('current') : source === 'user' ? vscode.l10n.t('yours') : vscode.l10n.t('model');
}

function percent(score: TriggerScore, key: 'precision' | 'recall'): string {
  const value = score[key];
  return Number.isNaN(value) ? '—' : `${Math.round(value * 100)}%`;
}

/** Model output as Markdown text on one line: its tags, links and emphasis shown as typed, never rendered. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#!]/g, (char) => `\\${char}`);
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
