import * as vscode from 'vscode';
import { loadApiModule } from '../../core/api/loadApiModule';
import { displayPath } from '../ui/displayPath';
import { showNoKeyError } from '../ui/errorMessage';
import { showError } from '../ui/showError';
import { withCancellableProgress } from '../ui/withCancellableProgress';
import { confirmCost } from './confirmCost';
import { evalSettings, resultsDescription } from './evalSettings';
import { pickVersion, type TargetContext } from './evalTarget';

/** The read-only documents comparisons open in. */
export const COMPARISON_SCHEME = 'skillsmith-eval-comparison';

/** The comparisons made in this window, by document URI. */
const comparisons = new Map<string, string>();

/** Serves the comparison documents (read-only: nothing can save over them). */
export const comparisonDocuments: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent: (uri) => comparisons.get(uri.toString()) ?? '',
};

/**
 * "Compare Eval Results of Two Versions…": picks two versions of the folder's linked skill, runs every case of the
 * folder against both (core's `old_skill` baseline), writes the results, and opens the comparison (trigger
 * precision and recall, pass rate and tokens per version, each case) as a Markdown preview. Resolves with the
 * document's URI, or undefined when nothing was compared.
 */
export async function compareEvalVersions(context: TargetContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  const folder = await context.services.folders.resolve(arg, vscode.l10n.t('Compare the evals of which skill?'));
  if (!folder) return undefined;
  const name = displayPath(folder);
  const api = loadApiModule();
  try {
    const evals = await api.loadEvals(folder.fsPath);
    const pickedA = await pickVersion(context, folder, vscode.l10n.t('Compare the evals of {0}: version A', name));
    if (!pickedA) return undefined;
    const pickedB = await pickVersion(
      context,
      folder,
      vscode.l10n.t('Compare the evals of {0} on {1} with version B', name, pickedA.label),
      pickedA.version.ref,
    );
    if (!pickedB) return undefined;
    const [a, b] = [pickedA.version, pickedB.version];
    const settings = evalSettings(folder);
    const baseline = { kind: 'version', version: b.ref } as const;
    const estimate = api.estimateRun(evals, { ...settings, baseline });
    const caseCount = evals.triggers.length + evals.outputs.length;
    if (!(await confirmCost(context.services.prompts, { name, caseCount, runs: settings.runs, estimate, versions: 2 }))) return undefined;
    const sdk = await context.services.session.getSdk();
    if (!sdk) {
      void showNoKeyError();
      return undefined;
    }
    const result = await withCancellableProgress(vscode.l10n.t('Running the evals of {0} on two versions', name), (progress, signal) => {
      let done = 0;
      return api.runEvals(sdk, evals, {
        skill: { skillId: a.skillId, version: a.ref, directory: evals.name },
        baseline,
        ...settings,
        inputFolder: folder.fsPath,
        signal,
        onRun: () => progress.report({ message: `${++done}/${estimate.requests}`, increment: 100 / estimate.requests }),
      });
    });
    if (result.cancelled) return undefined;
    await api.saveResults(evals, result.runs, resultsDescription(settings));
    const markdown = api.comparisonMarkdown({
      evals,
      runs: result.runs,
      versionA: pickedA.label,
      versionB: pickedB.label,
      runsPerCase: settings.runs,
      model: settings.model,
    });
    const uri = vscode.Uri.from({ scheme: COMPARISON_SCHEME, path: `/${evals.name} ${pickedA.short} vs ${pickedB.short}.md` });
    comparisons.set(uri.toString(), markdown);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  } catch (error) {
    void showError(context.services.log, vscode.l10n.t('Could not compare the evals of {0}', name), error);
    return undefined;
  }
}
