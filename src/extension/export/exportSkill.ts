import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';
import { prepareUpload, readPreparedFiles, type PreparedUpload } from '../../core/bundle/prepareUpload';
import { formatBytes } from '../../core/bundle/uploadChecks';
import { zipFileSet } from '../../core/bundle/zipFileSet';
import { isSecurityRule } from '../../core/skill/rules';
import type { Diagnostic } from '../../core/skill/types';
import { toVscodeRange } from '../ui/toVscodeDiagnostic';
import type { Services } from '../services/services';
import { uriExists } from '../shared/uriExists';

/**
 * "Export Skill as .zip…": the files an upload would carry, zipped for claude.ai's skill upload (one top-level
 * folder, SKILL.md at its root), after the claude-api lint. Asks where to save (the save dialog confirms a
 * replacement; a `target` given by a caller is confirmed here). Resolves to the zip written, or undefined.
 */
export async function exportSkill({ folders, log }: Services, arg?: unknown, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = await folders.resolve(arg, vscode.l10n.t('Export which skill as a .zip?'));
  if (!folder) return undefined;
  let prepared = await prepareUpload(folder.fsPath, { limitBytes: folders.uploadLimitOf(folder) });
  const blocking = prepared.errors.filter((d) => d.rule !== 'upload-secret');
  if (blocking.length > 0) return refuse(folder, prepared, blocking);
  const warnings = prepared.diagnostics.filter((d) => d.severity === 'warning' && isSecurityRule(d.rule));
  if (warnings.length > 0 && !(await confirmWarnings(prepared.folderName, warnings))) return undefined;
  const secrets = prepared.collected.leftOut.filter((f) => f.reason === 'secret').map((f) => f.relativePath);
  if (secrets.length > 0) {
    const choice = await askAboutSecrets(secrets);
    if (choice === undefined) return undefined;
    if (choice === 'include') prepared = await prepareUpload(folder.fsPath, { limitBytes: prepared.limitBytes, allowSecrets: secrets });
    else prepared = { ...prepared, errors: [] };
  }
  const destination = target ?? (await askForDestination(folder, prepared.folderName));
  if (!destination || (target && (await uriExists(target)) && !(await confirmReplace(target)))) return undefined;
  const checked = prepared;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Exporting {0}…', checked.folderName) },
    async () => {
      const started = Date.now();
      const zip = await zipFileSet(await readPreparedFiles(checked));
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

/** Security warnings (a download run, a script reaching the network) are shown, with their rule, before the zip is written. */
async function confirmWarnings(folderName: string, warnings: readonly Diagnostic[]): Promise<boolean> {
  const exportAnyway = vscode.l10n.t('Export Anyway');
  const detail = warnings.map((d) => `${d.file ?? 'SKILL.md'}:${d.range.start.line + 1}: ${d.message} (${d.rule})`).join('\n');
  const message =
    warnings.length === 1
      ? vscode.l10n.t('{0} has 1 security warning. Export anyway?', folderName)
      : vscode.l10n.t('{0} has {1} security warnings. Export anyway?', folderName, warnings.length);
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, exportAnyway)) === exportAnyway;
}

/** Files that look like secrets go into the zip only when the user says so, naming them. */
async function askAboutSecrets(secrets: readonly string[]): Promise<'include' | 'leave-out' | undefined> {
  const include = vscode.l10n.t('Include Them');
  const leaveOut = vscode.l10n.t('Export Without Them');
  const choice = await vscode.window.showWarningMessage(
    secrets.length === 1
      ? vscode.l10n.t('1 file looks like a secret and is left out of the zip unless you include it.')
      : vscode.l10n.t('{0} files look like secrets and are left out of the zip unless you include them.', formatCount(secrets.length)),
    { modal: true, detail: secrets.join('\n') },
    leaveOut,
    include,
  );
  if (choice === include) return 'include';
  return choice === leaveOut ? 'leave-out' : undefined;
}

/** The save dialog, opened beside the skill folder with `<folder>.zip`. */
function askForDestination(folder: vscode.Uri, folderName: string): Thenable<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder, '..', `${folderName}.zip`),
    filters: { [vscode.l10n.t('Zip archive')]: ['zip'] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export {0} as .zip', folderName),
  });
}

async function confirmReplace(target: vscode.Uri): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(target)),
    { modal: true },
    replace,
  );
  return answer === replace;
}
