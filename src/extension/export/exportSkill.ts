import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';
import { prepareUpload, readPreparedFiles, type PreparedUpload } from '../../core/bundle/prepareUpload';
import { formatBytes } from '../../core/bundle/uploadChecks';
import { zipFileSet } from '../../core/bundle/zipFileSet';
import { isSecurityRule } from '../../core/skill/rules';
import type { Diagnostic } from '../../core/skill/types';
import { displayPath } from '../ui/displayPath';
import { toVscodeRange } from '../ui/toVscodeDiagnostic';
import type { Services } from '../services/services';
import { uriExists } from '../shared/uriExists';

/**
 * "Export Skill as .zip…": the files an upload would carry, zipped for claude.ai's skill upload (one top-level
 * folder, SKILL.md at its root), after the claude-api lint. Asks where to save (the save dialog confirms a
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
  if (blocking.length > 0) return refuse(folder, prepared, blocking);
  const warnings = prepared.diagnostics.filter((d) => d.severity === 'warning' && isSecurityRule(d.rule));
  if (warnings.length > 0 && !(await prompts.confirmExportWarnings(prepared.folderName, warnings))) return undefined;
  const secrets = prepared.collected.leftOut.filter((f) => f.reason === 'secret').map((f) => f.relativePath);
  if (secrets.length > 0) {
    const choice = await prompts.askAboutSecrets(secrets, 'zip');
    if (choice === undefined) return undefined;
    if (choice === 'include') prepared = await prepareUpload(folder.fsPath, { limitBytes: prepared.limitBytes, allowSecrets: secrets });
    else prepared = { ...prepared, errors: [] };
  }
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

/**
 * Says why the folder cannot be exported, the first problems (with their rule) in the message, with a way to the
 * first one: its line in SKILL.md, or in the script or reference a security finding is in. Does not wait for the user.
 */
function refuse(folder: vscode.Uri, prepared: PreparedUpload, problems: readonly Diagnostic[]): undefined {
  const open = vscode.l10n.t('Go to the First Problem');
  const lines = problems.map((d) => `${d.file ? `${d.file}: ` : ''}${d.message} (${d.rule})`);
  const detail =
    lines.slice(0, 5).join('\n') + (lines.length > 5 ? `\n${vscode.l10n.t('…and {0} more', formatCount(lines.length - 5))}` : '');
  const message =
    problems.length === 1
      ? vscode.l10n.t('{0} cannot be exported until its error is fixed: {1}', prepared.folderName, detail)
      : vscode.l10n.t(
          '{0} cannot be exported until its {1} errors are fixed: {2}',
          prepared.folderName,
          formatCount(problems.length),
          detail,
        );
  const first = problems[0];
  const file = first.file
    ? vscode.Uri.joinPath(folder, ...first.file.split('/'))
    : prepared.skillMd
      ? vscode.Uri.file(prepared.skillMd)
      : undefined;
  void vscode.window.showErrorMessage(message, ...(file ? [open] : [])).then((choice) => {
    if (choice === open && file) void vscode.window.showTextDocument(file, { selection: toVscodeRange(first.range) });
  });
  return undefined;
}
