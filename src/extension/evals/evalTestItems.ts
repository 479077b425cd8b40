import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';
import { EvalFileError, OUTPUT_EVALS_FILE, parseOutputEvals, parseTriggerEvals, TRIGGER_EVALS_FILE } from '../../core/evals/evalFiles';

/** What a case item stands for: one case of one eval file of one skill folder. */
export interface EvalCaseRef {
  readonly folder: vscode.Uri;
  readonly kind: 'trigger' | 'output';
  /** `trigger-<index>` or `eval-<id>`, the case's key in core's results. */
  readonly caseKey: string;
  /** The case's label before any run: the query and what it should do, or the output case's number and prompt. */
  readonly baseLabel: string;
  /** What the case reads as (its label, and an output case's expected output): a rate is kept while it is unchanged. */
  readonly fingerprint: string;
  /** The item, as last built. */
  readonly item: vscode.TestItem;
}

/** The rate a case had in its last run, kept across rebuilds while the case reads the same. */
export interface LastRate {
  /** The case's fingerprint when it ran. */
  readonly fingerprint: string;
  readonly rate: string;
}

/** What a rebuild of the items reads and fills. */
export interface ItemState {
  readonly cases: Map<string, EvalCaseRef>;
  readonly rates: ReadonlyMap<string, LastRate>;
}

/**
 * The label of a case item after a run: the rate of its last run first (a side bar of the default width cuts the
 * end), then the case. Everything is in the label, with no description: the Testing view's screen reader label is
 * an item's description when it has one, and the case would not be heard.
 */
export function labelWithRate(baseLabel: string, rate: string): string {
  return `${rate} · ${baseLabel}`;
}

/** The eval files of a skill folder, in the order their items are listed. */
export const EVAL_FILES = [TRIGGER_EVALS_FILE, OUTPUT_EVALS_FILE] as const;

/** The longest label of a case item. */
const LABEL_LENGTH = 80;

/**
 * The items of one skill folder: the folder, its eval files under it, their cases under them (with ranges on the
 * lines of the file). A file that does not parse gets the item's `error` and no children. Fills `state.cases` with the
 * folder's cases; resolves with undefined when the folder has no eval file (its item is then removed).
 */
export async function buildSkillItem(
  controller: vscode.TestController,
  folder: vscode.Uri,
  state: ItemState,
): Promise<vscode.TestItem | undefined> {
  const id = skillItemId(folder);
  const built = new Map<string, EvalCaseRef>();
  const skillMd = vscode.Uri.joinPath(folder, 'SKILL.md');
  const files: vscode.TestItem[] = [];
  for (const relative of EVAL_FILES) {
    const uri = vscode.Uri.joinPath(folder, relative);
    const text = await readText(uri);
    if (text === undefined) continue;
    const item = controller.createTestItem(`file:${uri.toString()}`, relative.slice(relative.lastIndexOf('/') + 1), uri);
    item.description = relative === TRIGGER_EVALS_FILE ? vscode.l10n.t('trigger cases') : vscode.l10n.t('output cases');
    try {
      item.children.replace(caseItems(controller, folder, uri, relative, text, { cases: built, rates: state.rates }));
      item.range = new vscode.Range(0, 0, 0, 0);
    } catch (error) {
      const problem = error instanceof EvalFileError ? `${error.where ? `${error.where}: ` : ''}${error.problem}` : String(error);
      if (error instanceof EvalFileError && error.line !== undefined)
        item.children.replace([problemItem(controller, uri, error.line, problem)]);
      else item.error = problem;
    }
    files.push(item);
  }
  // The folder's cases are swapped in whole, after every read: a run never sees them half built.
  for (const [key, ref] of state.cases) if (ref.folder.toString() === folder.toString()) state.cases.delete(key);
  for (const [key, ref] of built) state.cases.set(key, ref);
  if (files.length === 0) return undefined;
  const skill = controller.createTestItem(id, folder.path.slice(folder.path.lastIndexOf('/') + 1), skillMd);
  // Where the folder is, when that says more than its name: its parent's path in the workspace.
  const parent = vscode.Uri.joinPath(folder, '..');
  const root = vscode.workspace.getWorkspaceFolder(folder);
  if (root && root.uri.path.replace(/\/+$/, '') !== parent.path) skill.description = vscode.workspace.asRelativePath(parent, false);
  skill.children.replace(files);
  return skill;
}

/** The id of a skill folder's item. */
export function skillItemId(folder: vscode.Uri): string {
  return `skill:${folder.toString()}`;
}

function caseItems(
  controller: vscode.TestController,
  folder: vscode.Uri,
  file: vscode.Uri,
  relative: string,
  text: string,
  state: ItemState,
): vscode.TestItem[] {
  const make = (caseKey: string, label: string, fingerprint: string, line: number, kind: EvalCaseRef['kind']): vscode.TestItem => {
    const item = controller.createTestItem(`case:${file.toString()}#${caseKey}`, label, file);
    item.range = new vscode.Range(line, 0, line, 0);
    // Sorted as the case reads, whatever rate its label starts with.
    item.sortText = label;
    const last = state.rates.get(item.id);
    if (last?.fingerprint === fingerprint) item.label = labelWithRate(label, last.rate);
    state.cases.set(item.id, { folder, kind, caseKey, baseLabel: label, fingerprint, item });
    return item;
  };
  if (relative === TRIGGER_EVALS_FILE) {
    return parseTriggerEvals(text, relative).map((item) => {
      const label = item.shouldTrigger
        ? vscode.l10n.t('{0} · should trigger', shorten(item.query))
        : vscode.l10n.t('{0} · should not trigger', shorten(item.query));
      return make(`trigger-${item.index}`, label, label, item.line, 'trigger');
    });
  }
  return parseOutputEvals(text, relative).evals.map((item) => {
    const label = `#${item.id} ${shorten(item.prompt)}`;
    return make(`eval-${item.id}`, label, `${label}\u0000${item.expectedOutput}`, item.line, 'output');
  });
}

/** The case an eval-file error is about, at its line, carrying the error (the file's cases are not listed until it is fixed). */
function problemItem(controller: vscode.TestController, file: vscode.Uri, line: number, problem: string): vscode.TestItem {
  const item = controller.createTestItem(`problem:${file.toString()}`, vscode.l10n.t('Line {0}', formatCount(line + 1)), file);
  item.range = new vscode.Range(line, 0, line, 0);
  item.error = problem;
  return item;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > LABEL_LENGTH ? `${line.slice(0, LABEL_LENGTH - 1)}…` : line;
}
