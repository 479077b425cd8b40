import * as vscode from 'vscode';
import { resolveUnder } from '../../../core/zip/resolveUnder';
import type { VersionNode } from '../nodes/versionNode';
import { showError } from '../showError';
import type { CommandContext } from './commandContext';

/**
 * Downloads a version's files into a folder the user picks. Every entry was checked when the zip was read,
 * and every target is resolved and must stay under the folder; existing files are overwritten only after a
 * modal that names them.
 */
export async function downloadVersion(context: CommandContext, node: VersionNode): Promise<void> {
  const { skillId, ref } = node.version;
  const destination = await context.prompts.pickFolder(vscode.l10n.t('Download version {0} of {1} into…', ref, skillId));
  if (!destination) return;
  try {
    const archive = await context.archives.get(skillId, ref);
    const targets = archive.files().map((file) => ({
      data: file.data,
      uri: destination.with({ path: resolveUnder(destination.path, file.path) }),
    }));
    const existing = await existingOf(targets.map((target) => target.uri));
    if (existing.length > 0 && !(await confirmOverwrite(context, destination, existing))) return;
    const written = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading {0}', ref), cancellable: true },
      async (progress, token) => {
        let count = 0;
        for (const target of targets) {
          if (token.isCancellationRequested) break;
          progress.report({ message: vscode.workspace.asRelativePath(target.uri), increment: 100 / targets.length });
          await vscode.workspace.fs.writeFile(target.uri, target.data);
          count++;
        }
        return count;
      },
    );
    const where = vscode.workspace.asRelativePath(destination);
    context.log.info(`Downloaded ${written} of ${targets.length} files of ${skillId}@${ref} into ${destination.toString(true)}`);
    void vscode.window.showInformationMessage(
      written === targets.length
        ? vscode.l10n.t('Downloaded {0} files into {1}.', written, where)
        : vscode.l10n.t('Download cancelled after {0} of {1} files in {2}.', written, targets.length, where),
    );
  } catch (error) {
    await showError(context.log, vscode.l10n.t('Could not download version {0}', ref), error);
  }
}

async function existingOf(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const found = await Promise.all(
    uris.map((uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => uri, () => undefined)),
  );
  return found.filter((uri): uri is vscode.Uri => uri !== undefined);
}

function confirmOverwrite(context: CommandContext, destination: vscode.Uri, existing: readonly vscode.Uri[]): Promise<boolean> {
  const shown = existing.slice(0, 10).map((uri) => vscode.workspace.asRelativePath(uri));
  if (existing.length > shown.length) shown.push(vscode.l10n.t('…and {0} more', existing.length - shown.length));
  return context.prompts.confirm(
    vscode.l10n.t('{0} files already exist in {1}. Overwrite them?', existing.length, vscode.workspace.asRelativePath(destination)),
    shown.join('\n'),
    vscode.l10n.t('Overwrite'),
  );
}
