import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';
import { prepareUpload, readPreparedFiles, type PreparedUpload } from '../../core/bundle/prepareUpload';
import { formatBytes } from '../../core/bundle/uploadChecks';
import { zipFileSet } from '../../core/bundle/zipFileSet';
import { isSecurityRule } from '../../core/skill/rules';
import { displayPath } from '../ui/displayPath';
import { blockedPreview, uncomparedPreview, type PublishPreview } from '../ui/publishPreview';
import type { Services } from '../services/services';
import { uriExists } from '../shared/uriExists';

/**
 * "Export Skill as .zip…": the files an upload would carry, zipped for claude.ai's skill upload (one top-level
 * folder, SKILL.md at its root), after the claude-api lint: errors are listed and block it, security warnings are
 * listed in a confirmation (as a publish's preview lists them). Asks where to save (the save dialog confirms a
 * replacement; a `target` given by a caller is confirmed here). Resolves to the zip written, or undefined.
 */
export async function exportSkill(
  { folders, log, prompts }: Services,
  arg?: unknown,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const folder = await folders.resolve(arg, vscode.l10n.t('Export which skill as a .zip?'));
  if (!folder) return undefined;
  let prepared = await prepareUpload(folder.fsPath, { limitBytes: folders.uploadLimitOf(folder) });
  const blocking = prepared.errors.filter((d) => d.rule !== 'upload-secret');
  if (blocking.length > 0) {
    await prompts.preview(blockedPreview('export', folder, prepared, blocking.length));
    return undefined;
  }
  const secrets = prepared.collected.leftOut.filter((f) => f.reason === 'secret').map((f) => f.relativePath);
  if (secrets.length > 0) {
    const choice = await prompts.askAboutSecrets(secrets, 'zip');
    if (choice === undefined) return undefined;
    if (choice === 'include') prepared = await prepareUpload(folder.fsPath, { limitBytes: prepared.limitBytes, allowSecrets: secrets });
    else prepared = { ...prepared, errors: [], diagnostics: prepared.diagnostics.filter((d) => d.rule !== 'upload-secret') };
  }
  if (
    prepared.diagnostics.some((d) => d.severity === 'warning' && isSecurityRule(d.rule)) &&
    !(await prompts.preview(warnedPreview(folder, prepared)))
  )
    return undefined;
  const destination = target ?? (await prompts.pickZipDestination(folder, prepared.folderName));
  if (
    !destination ||
    (target &&
      (await uriExists(target)) &&
      !(await prompts.confirm(vscode.l10n.t('{0} already exists. Replace it?', displayPath(target)), '', vscode.l10n.t('Replace'))))
  )
    return undefined;
  const checked = prepared;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Exporting {0}…', checked.folderName) },
    async () => {
      const started = Date.now();
      const zip = await zipFileSet(readPreparedFiles(checked));
      await vscode.workspace.fs.writeFile(destination, zip);
      log.info(
        `Exported ${checked.dir} (${checked.collected.files.length} files, ${zip.byteLength} bytes zipped) to ${destination.toString(true)} in ${Date.now() - started} ms`,
      );
    },
  );
  const where = vscode.workspace.asRelativePath(destination);
  void vscode.window.showInformationMessage(
    checked.collected.files.length === 1
      ? vscode.l10n.t('Exported {0} (1 file, {1}) to {2}.', checked.folderName, formatBytes(checked.totalBytes), where)
      : vscode.l10n.t(
          'Exported {0} ({1} files, {2}) to {3}.',
          checked.folderName,
          formatCount(checked.collected.files.length),
          formatBytes(checked.totalBytes),
          where,
        ),
  );
  return destination;
}

/** The export's confirmation when a security warning is found: the warnings listed (each opens its line), then Export. */
function warnedPreview(folder: vscode.Uri, prepared: PreparedUpload): PublishPreview {
  return uncomparedPreview(
    'export',
    folder,
    prepared,
    vscode.l10n.t('Export {0} as .zip', prepared.folderName),
    vscode.l10n.t('Check the warnings below (select one to open it), then export or cancel'),
  );
}
