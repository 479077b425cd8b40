import * as vscode from 'vscode';
import type { SkillFolders } from '../services/skillFolders/skillFolders';
import { fileNameOf } from '../services/skillFolders/skillMdName';
import { showError } from '../ui/showError';
import { showStatus } from '../ui/showStatus';
import { showScanResult } from './scanResultToast';
import { withScanProgress } from './scanProgress';
import type { SecurityDiagnostics } from './securityDiagnostics';

/**
 * *Skillsmith: Scan Skill…*: the security scan of every file of a skill folder (one the user wrote, downloaded or
 * cloned), a file at a time with its progress shown (a long one can be cancelled, which keeps the earlier findings),
 * its findings put on their files in the Problems panel; SKILL.md is linted (`lintSkillMd`), which brings its own.
 * The folder comes from the explorer or a folder picker. Resolves to the number of findings, or undefined when no
 * folder was chosen or the scan did not finish.
 */
export async function scanSkillCommand(
  security: SecurityDiagnostics,
  lintSkillMd: (uri: vscode.Uri) => Promise<unknown>,
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
  const name = fileNameOf(folder);
  try {
    const scan = await withScanProgress(vscode.l10n.t('Scanning "{0}"', name), (progress) => security.scanFolder(folder, progress));
    if (!scan) {
      showStatus(vscode.l10n.t('Scan cancelled.'));
      return undefined;
    }
    if (scan.skillMd) await lintSkillMd(scan.skillMd);
    log.info(`Scanned ${folder.toString(true)}: ${scan.findings.length} security findings`);
    void showScanResult(scan.findings.length, name);
    return scan.findings.length;
  } catch (error) {
    await showError(log, vscode.l10n.t('Could not scan "{0}"', name), error);
    return undefined;
  }
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
