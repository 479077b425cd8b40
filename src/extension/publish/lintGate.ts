import * as vscode from 'vscode';
import type { PreparedUpload } from '../../core/bundle/prepareUpload';
import { SKILL_MD } from '../../core/skill/skillMdName';
import type { Diagnostic } from '../../core/skill/types';
import { isSameDiagnostic, toVscodeDiagnostic } from '../lint/toVscodeDiagnostic';
import type { Prompts } from '../ui/prompts';

/** What the gate needs: where blocking findings go, the rule docs' home, and the shared confirm prompt. */
export interface LintGateContext {
  /** The "skillsmith-publish" collection: the `claude-api` errors that blocked a publish. */
  readonly problems: vscode.DiagnosticCollection;
  readonly extensionUri: vscode.Uri;
  readonly prompts: Prompts;
}

/**
 * The lint gate of a publish, under the `claude-api` profile whatever the editor's profile is: errors block
 * and are put in the Problems panel, which opens (only those the editor does not show already); warnings are
 * asked about once. Resolves true when the upload may go on.
 */
export async function passLintGate(context: LintGateContext, folder: vscode.Uri, prepared: PreparedUpload): Promise<boolean> {
  const skillMd = vscode.Uri.joinPath(folder, SKILL_MD);
  context.problems.delete(skillMd);
  if (prepared.errors.length > 0) {
    const shown = vscode.languages.getDiagnostics(skillMd);
    const missing = prepared.errors.filter((error) => !shown.some((diagnostic) => isSameDiagnostic(diagnostic, error)));
    context.problems.set(skillMd, missing.map((error) => toVscodeDiagnostic(error, context.extensionUri)));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Not published: {0} has {1} problems the Claude API would refuse (see the Problems panel). The first: {2}',
        prepared.folderName,
        prepared.errors.length,
        prepared.errors[0]?.message ?? '',
      ),
    );
    return false;
  }
  const warnings = prepared.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
  if (warnings.length === 0) return true;
  return context.prompts.confirm(
    vscode.l10n.t('{0} has {1} warnings. Publish anyway?', prepared.folderName, warnings.length),
    warnings.map(describe).join('\n'),
    vscode.l10n.t('Publish Anyway'),
  );
}

function describe(diagnostic: Diagnostic): string {
  return `${diagnostic.rule}: ${diagnostic.message}`;
}
