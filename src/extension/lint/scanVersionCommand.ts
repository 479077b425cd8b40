import * as vscode from 'vscode';
import type { VersionArchiveCache } from '../services/caches/versionArchiveCache';
import { fileSetOfArchive } from '../services/caches/versionFileSet';
import type { RemoteVersionItem } from '../shared/remoteItems';
import { apiErrorKind } from '../ui/errorMessage';
import { skillLabel, versionLabel, versionShortLabel } from '../ui/labels';
import { showError } from '../ui/showError';
import { showStatus } from '../ui/showStatus';
import { withCancellableProgress } from '../ui/withCancellableProgress';
import { showScanResult } from './scanResultToast';
import type { SecurityDiagnostics } from './securityDiagnostics';

/**
 * *Scan Skill for Security Problems…* on a version of the Skills tree: downloads its files (a cancellable download,
 * or the cached copy), scans every one of them under the `claude-api` profile, and puts the findings on the version's
 * read-only files in the Problems panel (a toast says how many, and opens the panel); each opens at its line. Resolves to the number of findings, or
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
    void showScanResult(found.length, skill, short);
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
