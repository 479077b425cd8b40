import * as vscode from 'vscode';
import { formatCount } from '../../../core/text/count';
import { resolveUnder } from '../../../core/zip/resolveUnder';
import { displayPath } from '../../ui/displayPath';
import { apiErrorKind } from '../../ui/errorMessage';
import { showError } from '../../ui/showError';
import { showStatus } from '../../ui/showStatus';
import { withCancellableProgress } from '../../ui/withCancellableProgress';
import { skillLabel, versionLabel } from '../../ui/labels';
import type { VersionNode } from '../nodes/versionNode';
import type { CommandContext } from './commandContext';

/** A file of the version and where it goes. */
interface Target {
  readonly path: string;
  readonly data: Uint8Array;
  readonly uri: vscode.Uri;
}

/**
 * Downloads a version's files into a folder the user picks (a cancellable download, then the writes). Every
 * entry was checked when the zip was read, and every target is resolved and must stay under the folder;
 * existing files are overwritten only after a modal that names them. Says where the files landed, relative
 * to the workspace.
 */
export async function downloadVersion(context: CommandContext, node: VersionNode): Promise<void> {
  const { skillId, ref } = node.version;
  const skill = skillLabel(node.parent.skill);
  const when = versionLabel(node.version, node.parent.ordinals);
  const destination = await context.prompts.pickFolder(vscode.l10n.t('Download version {1} of "{0}" into…', skill, when));
  if (!destination) return;
  try {
    const archive = await withCancellableProgress(vscode.l10n.t('Downloading version {1} of "{0}"', skill, when), (_progress, signal) =>
      context.archives.get(skillId, ref, signal),
    );
    const targets: Target[] = archive.files().map((file) => ({
      path: file.path,
      data: file.data,
      uri: destination.with({ path: resolveUnder(destination.path, file.path) }),
    }));
    const existing = await existingOf(targets.map((target) => target.uri));
    if (existing.length > 0 && !(await confirmOverwrite(context, destination, existing))) return;
    const written = await writeFiles(targets, vscode.l10n.t('Saving the files of "{0}"', skill));
    const where = landedIn(destination, targets);
    context.log.info(`Downloaded ${written} of ${targets.length} files of ${skillId}@${ref} into ${destination.toString(true)}`);
    void vscode.window.showInformationMessage(
      written === targets.length
        ? written === 1
          ? vscode.l10n.t('Downloaded 1 file of "{0}" into {1}.', skill, where)
          : vscode.l10n.t('Downloaded {0} files of "{1}" into {2}.', formatCount(written), skill, where)
        : vscode.l10n.t('Download cancelled after {0} of {1} files in {2}.', formatCount(written), formatCount(targets.length), where),
    );
  } catch (error) {
    if (apiErrorKind(error) === 'cancelled') {
      showStatus(vscode.l10n.t('Download cancelled; nothing was written.'));
      return;
    }
    await showError(context.log, vscode.l10n.t('Could not download version {1} of "{0}"', skill, when), error);
  }
}

/** Writes the files with a cancellable progress; resolves to how many were written. */
function writeFiles(targets: readonly Target[], title: string): Thenable<number> {
  return withCancellableProgress(title, async (progress, signal) => {
    let count = 0;
    for (const target of targets) {
      if (signal.aborted) break;
      progress.report({ message: target.path, increment: 100 / targets.length });
      await vscode.workspace.fs.writeFile(target.uri, target.data);
      count++;
    }
    return count;
  });
}

/**
 * Where the files landed, as the user sees it: the archive's one top-level folder inside the destination
 * ("release-notes", not the absolute path of the workspace).
 */
function landedIn(destination: vscode.Uri, targets: readonly Target[]): string {
  const tops = new Set(targets.map((target) => target.path.split('/')[0]));
  const [top] = tops;
  return displayPath(tops.size === 1 && top ? vscode.Uri.joinPath(destination, top) : destination);
}

async function existingOf(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const found = await Promise.all(
    uris.map((uri) =>
      Promise.resolve(vscode.workspace.fs.stat(uri)).then(
        () => uri,
        () => undefined,
      ),
    ),
  );
  return found.filter((uri): uri is vscode.Uri => uri !== undefined);
}

function confirmOverwrite(context: CommandContext, destination: vscode.Uri, existing: readonly vscode.Uri[]): Promise<boolean> {
  const shown = existing.slice(0, 10).map(displayPath);
  if (existing.length > shown.length) shown.push(vscode.l10n.t('…and {0} more', formatCount(existing.length - shown.length)));
  return context.prompts.confirm(
    existing.length === 1
      ? vscode.l10n.t('1 file already exists in {0}. Overwrite it?', displayPath(destination))
      : vscode.l10n.t('{0} files already exist in {1}. Overwrite them?', formatCount(existing.length), displayPath(destination)),
    shown.join('\n'),
    vscode.l10n.t('Overwrite'),
  );
}
