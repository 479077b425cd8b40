import * as vscode from 'vscode';
import { compareEvalVersions, comparisonDocuments, COMPARISON_SCHEME } from './compareEvalVersions';
import { EvalTestTree } from './evalTestController';
import type { TargetContext } from './evalTarget';
import type { CaseReport } from './reportedRun';
import { runEvalTests, type EvalRunMode } from './runEvalTests';
import { tuneSkillDescription, tuningDocuments, TUNING_SCHEME, type TuneOutcome } from './tuneDescriptionCommand';

/**
 * The evals' working half, bundled as dist/evals.js and required on first use (the Testing view's first look, a
 * run, a comparison): the Test Explorer's items, the runs, the comparisons.
 */
export class EvalFeature implements vscode.Disposable {
  /** The eval items and the case behind each. */
  readonly tree: EvalTestTree;
  private readonly disposables: vscode.Disposable[];

  constructor(
    controller: vscode.TestController,
    private readonly context: TargetContext,
  ) {
    this.tree = new EvalTestTree(controller, context.services.folders);
    this.disposables = [
      this.tree,
      vscode.workspace.registerTextDocumentContentProvider(COMPARISON_SCHEME, comparisonDocuments),
      vscode.workspace.registerTextDocumentContentProvider(TUNING_SCHEME, tuningDocuments),
    ];
  }

  /** Runs the requested cases against the draft or a picked remote version; resolves with what each case reported. */
  run(request: vscode.TestRunRequest, token: vscode.CancellationToken, mode: EvalRunMode): Promise<CaseReport[]> {
    return runEvalTests({ ...this.context, tree: this.tree }, request, token, mode);
  }

  /** "Compare Eval Results of Two Versions…". */
  compare(arg?: unknown): Promise<vscode.Uri | undefined> {
    return compareEvalVersions(this.context, arg);
  }

  /** "Tune Skill Description…". */
  tune(arg?: unknown): Promise<TuneOutcome | undefined> {
    return tuneSkillDescription(this.context.services, arg);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
