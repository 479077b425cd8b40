import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';
import type { VersionArchiveCache } from '../services/caches/versionArchiveCache';
import { fileSetOfArchive } from '../services/caches/versionFileSet';
import type { RemoteVersionItem } from '../shared/remoteItems';
import { apiErrorKind } from '../ui/errorMessage';
import { skillLabel, versionLabel, versionShortLabel } from '../ui/labels';
import { showError } from '../ui/showError';
import { showStatus } from '../ui/showStatus';
import { withCancellableProgress } from '../ui/withCancellableProgress';
import type { SecurityDiagnostics } from './securityDiagnostics';

/**
 * *Scan Skill for Security Problems…* on a version of the Skills tree: downloads its files (a cancellable download,
 * or the cached copy), scans every one of them under the `claude-api` profile, and puts the findings on the version's
 * read-only files in the Problems panel, which opens; each opens at its line. Resolves to the number of findings, or
 * undefined when the version could not be read.
 */
export async function scanVersionCommand(
  security: SecurityDiagnostics,
  archives: VersionArchiveCache,
  log: vscode.LogOutputChannel,
  item: RemoteVersionItem,
): Promise<number | undefined> {
  const { skillId, ref } = item.version;
  const skill = skillLabel(item.parent.skill);
  const version = versionLabel(item.version, item.parent.ordinals);
  // The toasts are narrow: the skill and "v1" there; the full label (with its time) where there is room.
  const short = versionShortLabel(item.version, item.parent.ordinals);
  try {
    const archive = await withCancellableProgress(vscode.l10n.t('Downloading version {1} of "{0}"', skill, version), (_progress, signal) =>
      archives.get(skillId, ref, signal),
    );
    const set = fileSetOfArchive(archive);
    const prefix = set.folderName ? `${set.folderName}/` : '';
    const found = security.scanFileSet(set, (path) => item.uriOf(prefix + path));
    log.info(`Scanned ${skillId}@${ref}, ${version} of "${skill}" (${set.files.length} files): ${found.length} security findings`);
    if (found.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No security findings in "{0}" {1}.', skill, short));
      return 0;
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showWarningMessage(
      found.length === 1
        ? vscode.l10n.t('1 security finding in "{0}" {1}. See Problems.', skill, short)
        : vscode.l10n.t('{0} security findings in "{1}" {2}. See Problems.', formatCount(found.length), skill, short),
    );
    return found.length;
  } catch (error) {
    if (apiErrorKind(error) === 'cancelled') {
      showStatus(vscode.l10n.t('Scan cancelled.'));
      return undefined;
    }
    await showError(log, vscode.l10n.t('Could not scan version {1} of "{0}"', skill, version), error);
    return undefined;
  }
}

/** Whether a command was run on a version of the Skills tree. */
export function isRemoteVersion(arg: unknown): arg is RemoteVersionItem {
  return typeof arg === 'object' && arg !== null && 'version' in arg && 'parent' in arg && 'uriOf' in arg;
}
