import * as vscode from 'vscode';
import type { SkillFolders } from '../services/skillFolders/skillFolders';
import type { SecurityDiagnostics } from './securityDiagnostics';

/**
 * *Skillsmith: Scan Skill…*: the security scan of every file of a skill folder (one the user wrote, downloaded or
 * cloned), its findings put on their files in the Problems panel, which opens. The folder comes from the explorer or
 * a folder picker. Resolves to the number of findings, or undefined when no folder was chosen.
 */
export async function scanSkillCommand(
  security: SecurityDiagnostics,
  folders: Pick<SkillFolders, 'isSkillFolder'>,
  log: vscode.LogOutputChannel,
  arg?: vscode.Uri,
): Promise<number | undefined> {
  const folder = arg ?? (await pickFolder());
  if (!folder) return undefined;
  if (!(await folders.isSkillFolder(folder))) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        '{0} is not a skill folder: it has no SKILL.md. Choose the folder that holds it.',
        vscode.workspace.asRelativePath(folder),
      ),
    );
    return undefined;
  }
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Scanning {0}…', vscode.workspace.asRelativePath(folder)) },
    () => Promise.resolve(security.scanFolder(folder)),
  );
  log.info(`Scanned ${folder.toString(true)}: ${found.length} security findings`);
  const where = vscode.workspace.asRelativePath(folder);
  if (found.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('No security findings in {0}.', where));
  else {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showWarningMessage(
      found.length === 1
        ? vscode.l10n.t('1 security finding in {0}: see the Problems panel.', where)
        : vscode.l10n.t('{0} security findings in {1}: see the Problems panel.', found.length.toLocaleString(), where),
    );
  }
  return found.length;
}

function pickFolder(): Thenable<vscode.Uri | undefined> {
  return vscode.window
    .showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Scan Skill'),
      title: vscode.l10n.t('Scan which skill folder?'),
    })
    .then((picked) => picked?.[0]);
}
