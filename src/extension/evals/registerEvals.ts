import * as vscode from 'vscode';
import { lazyBundle } from '../../core/lazyBundle';
import type { Services } from '../services/services';
import type { EvalFeature } from './evalFeature';
import { scaffoldEvalFiles } from './scaffoldEvalFiles';

/** dist/evals.js, required when the Testing view first asks. */
const evalsModule = lazyBundle<typeof import('./evalFeature')>('evals.js');

/** What the evals hand to the integration tests. */
export interface EvalHandles {
  /** The Test Explorer's controller of the eval items. */
  readonly controller: vscode.TestController;
  /** The working half (loaded now if it was not yet): the items and the case behind each. */
  readonly feature: () => EvalFeature;
}

/**
 * Registers the evals: "Create Eval Files", "Compare Eval Results of Two Versions…", and the Test Explorer's
 * controller with two run profiles (the local draft, a remote version). No I/O: dist/evals.js is required and the
 * items are listed when the Testing view first asks, or on the first run or comparison.
 */
export function registerEvals(context: vscode.ExtensionContext, services: Services): EvalHandles {
  const controller = vscode.tests.createTestController('skillsmith.evals', vscode.l10n.t('Skill Evals'));
  let loaded: EvalFeature | undefined;
  const feature = (): EvalFeature => {
    if (!loaded) {
      const { EvalFeature: Feature } = evalsModule();
      loaded = new Feature(controller, { services });
    }
    return loaded;
  };
  controller.resolveHandler = async (item) => {
    if (!item) await feature().tree.discover();
  };
  controller.refreshHandler = () => feature().tree.rediscover();
  const profile = (label: string, mode: 'draft' | 'remote', isDefault: boolean): vscode.TestRunProfile =>
    controller.createRunProfile(
      label,
      vscode.TestRunProfileKind.Run,
      async (request, token) => {
        await feature().run(request, token, mode);
      },
      isDefault,
    );
  context.subscriptions.push(
    controller,
    profile(vscode.l10n.t('Run Against the Local Draft'), 'draft', true),
    profile(vscode.l10n.t('Run Against a Remote Version…'), 'remote', false),
    vscode.commands.registerCommand('skillsmith.evals.scaffold', (arg?: unknown) => scaffoldEvalFiles(services, arg)),
    vscode.commands.registerCommand('skillsmith.evals.compareVersions', (arg?: unknown) => feature().compare(arg)),
    vscode.commands.registerCommand('skillsmith.evals.tuneDescription', (arg?: unknown) => feature().tune(arg)),
    { dispose: () => loaded?.dispose() },
  );
  return { controller, feature };
}
