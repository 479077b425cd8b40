import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';

/**
 * Says what a *Scan Skill* found in the skill `name` (its `version`, "v1", when a version was scanned): a warning
 * with the count and a Show Problems button that opens the Problems panel, or a note that nothing was found.
 */
export async function showScanResult(count: number, name: string, version?: string): Promise<void> {
  const subject = version === undefined ? vscode.l10n.t('"{0}"', name) : vscode.l10n.t('"{0}" {1}', name, version);
  if (count === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No security findings in {0}.', subject));
    return;
  }
  const showProblems = vscode.l10n.t('Show Problems');
  const message =
    count === 1
      ? vscode.l10n.t('1 security finding in {0}', subject)
      : vscode.l10n.t('{0} security findings in {1}', formatCount(count), subject);
  if ((await vscode.window.showWarningMessage(message, showProblems)) === showProblems)
    await vscode.commands.executeCommand('workbench.actions.view.problems');
}
