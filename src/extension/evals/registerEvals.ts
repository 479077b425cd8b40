import * as vscode from 'vscode';
import type { PublishFeature } from '../publish/registerPublish';
import type { Services } from '../services/services';
import { compareEvalVersions } from './compareEvalVersions';
import { EvalTestTree } from './evalTestController';
import { runEvalTests } from './runEvalTests';
import { scaffoldEvalFiles } from './scaffoldEvalFiles';

/** What the evals hand to the integration tests. */
export interface EvalHandles {
  /** The Test Explorer's eval items and the case behind each. */
  readonly tree: EvalTestTree;
}

/**
 * Registers the evals: "Create Eval Files", "Compare Eval Results of Two Versions…", and the Test Explorer's
 * controller with two run profiles (the local draft, a remote version). No I/O: the items are listed when the
 * Testing view first asks.
 */
export function registerEvals(context: vscode.ExtensionContext, services: Services, publish: PublishFeature): EvalHandles {
  const controller = vscode.tests.createTestController('skillsmith.evals', vscode.l10n.t('Skill Evals'));
  const tree = new EvalTestTree(controller);
  const runContext = { services, publish, tree };
  const draft = controller.createRunProfile(
    vscode.l10n.t('Run Against the Local Draft'),
    vscode.TestRunProfileKind.Run,
    (request, token) => runEvalTests(runContext, request, token, 'draft'),
    true,
  );
  const remote = controller.createRunProfile(
    vscode.l10n.t('Run Against a Remote Version…'),
    vscode.TestRunProfileKind.Run,
    (request, token) => runEvalTests(runContext, request, token, 'remote'),
    false,
  );
  context.subscriptions.push(
    controller,
    tree,
    draft,
    remote,
    vscode.commands.registerCommand('skillsmith.evals.scaffold', (arg?: unknown) => scaffoldEvalFiles(arg, services.log)),
    vscode.commands.registerCommand('skillsmith.evals.compareVersions', (arg?: unknown) => compareEvalVersions(runContext, arg)),
  );
  return { tree };
}
