import * as vscode from 'vscode';
import { prepareUpload, readPreparedFiles, type PreparedUpload } from '../../core/bundle/prepareUpload';
import { formatBytes } from '../../core/bundle/uploadChecks';
import { zipFileSet } from '../../core/bundle/zipFileSet';
import { uploadLimitBytesFor } from '../services/skillFolders/profileSetting';
import { resolveSkillFolder } from '../shared/resolveSkillFolder';
import { uriExists } from '../shared/uriExists';

/**
 * "Export Skill as .zip…": the files an upload would carry, zipped for claude.ai's skill upload (one top-level
 * folder, SKILL.md at its root), after the claude-api lint. Asks where to save (the save dialog confirms a
 * replacement; a `target` given by a caller is confirmed here). Resolves to the zip written, or undefined.
 */
export async function exportSkill(log: vscode.LogOutputChannel, arg?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = await resolveSkillFolder(arg, vscode.l10n.t('Export which skill as a .zip?'));
  if (!folder) return undefined;
  let prepared = await prepareUpload(folder.fsPath, { limitBytes: uploadLimitBytesFor(folder) });
  const blocking = prepared.errors.filter((d) => d.rule !== 'upload-secret');
  if (blocking.length > 0) return refuse(prepared, blocking.map((d) => d.message));
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
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Exporting {0}…', checked.folderName) }, async () => {
    const started = Date.now();
    const zip = await zipFileSet(await readPreparedFiles(checked));
    await vscode.workspace.fs.writeFile(destination, zip);
    log.info(`Exported ${checked.dir} (${checked.collected.files.length} files, ${zip.byteLength} bytes zipped) to ${destination.toString(true)} in ${Date.now() - started} ms`);
  });
  const where = vscode.workspace.asRelativePath(destination);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Exported {0} ({1} files, {2}) to {3}.', checked.folderName, checked.collected.files.length, formatBytes(checked.totalBytes), where),
  );
  return destination;
}

/** Says why the folder cannot be exported, the first problems in the message, with a way to the SKILL.md; does not wait for the user. */
function refuse(prepared: PreparedUpload, problems: readonly string[]): undefined {
  const open = vscode.l10n.t('Open SKILL.md');
  const detail = problems.slice(0, 5).join('\n') + (problems.length > 5 ? `\n${vscode.l10n.t('…and {0} more', problems.length - 5)}` : '');
  const message = vscode.l10n.t('{0} cannot be exported until its {1} error(s) are fixed: {2}', prepared.folderName, problems.length, detail);
  const skillMd = prepared.skillMd;
  void vscode.window.showErrorMessage(message, ...(skillMd ? [open] : [])).then((choice) => {
    if (choice === open && skillMd) void vscode.window.showTextDocument(vscode.Uri.file(skillMd));
  });
  return undefined;
}

/** Files that look like secrets go into the zip only when the user says so, naming them. */
async function askAboutSecrets(secrets: readonly string[]): Promise<'include' | 'leave-out' | undefined> {
  const include = vscode.l10n.t('Include Them');
  const leaveOut = vscode.l10n.t('Export Without Them');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} file(s) look like secrets and are left out of the zip unless you include them.', secrets.length),
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
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(target)), { modal: true }, replace);
  return answer === replace;
}
