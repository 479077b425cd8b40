import * as vscode from 'vscode';
import type { SkillVersion } from '../../core/api/types';
import { formatCount } from '../../core/text/count';
import { displayPath } from './displayPath';
import { versionLabel } from './labels';
import type { CommonQuestions } from './prompts';

/** The questions every feature may ask, as a person answers them: modal dialogs, a password input box, an open dialog. */
export const commonQuestions: CommonQuestions = {
  async confirm(message, detail, action) {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return choice === action;
  },
  askApiKey(validate) {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: vscode.l10n.t('Claude API Key'),
        prompt: vscode.l10n.t('Stored in VS Code secret storage, never in settings or logs.'),
        placeHolder: vscode.l10n.t('Paste your API key'),
        password: true,
        ignoreFocusOut: true,
        validateInput: validate,
      }),
    );
  },
  async offerSetKey(message) {
    const setKey = vscode.l10n.t('Set API Key…');
    return (await vscode.window.showErrorMessage(message, setKey)) === setKey;
  },
  async pickFolder(title) {
    const picked = await vscode.window.showOpenDialog({
      title,
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      openLabel: vscode.l10n.t('Download Here'),
    });
    return picked?.[0];
  },
  async pickSkillFolder(title, folders) {
    const picked = await vscode.window.showQuickPick(
      folders.map((folder) => ({
        label: `$(folder) ${folder.path.slice(folder.path.lastIndexOf('/') + 1)}`,
        description: whereIs(folder),
        folder,
      })),
      { title, placeHolder: vscode.l10n.t('Pick a skill folder of this workspace'), matchOnDescription: true },
    );
    return picked?.folder;
  },
  async pickVersion(title, versions, latestRef, ordinals) {
    const picked = await vscode.window.showQuickPick(versionPickItems(versions, latestRef, ordinals), {
      title,
      placeHolder: vscode.l10n.t('Pick a version, the newest first'),
      matchOnDetail: true,
    });
    return picked?.version;
  },
  async askAboutSecrets(paths, into) {
    const leaveOut = into === 'upload' ? vscode.l10n.t('Publish Without Them') : vscode.l10n.t('Export Without Them');
    const include = into === 'upload' ? vscode.l10n.t('Upload Them Too') : vscode.l10n.t('Include Them');
    const answer = await vscode.window.showWarningMessage(
      into === 'upload' ? secretsInUpload(paths.length) : secretsInZip(paths.length),
      {
        modal: true,
        detail:
          into === 'upload'
            ? [
                ...paths,
                '',
                vscode.l10n.t('Upload them only if they hold no credentials. List them in .skillignore to stop this question.'),
              ].join('\n')
            : paths.join('\n'),
      },
      leaveOut,
      include,
    );
    if (answer === include) return 'include';
    return answer === leaveOut ? 'leave-out' : undefined;
  },
  askText(title, prompt) {
    return Promise.resolve(vscode.window.showInputBox({ title, prompt, ignoreFocusOut: true }));
  },
};

/**
 * The items of a version pick: each version's label ("v3 (Dec 6, 2026, 8:17:03 PM)"), the latest marked, and its
 * description as the detail, which is what tells apart versions published the same minute.
 */
export function versionPickItems(
  versions: readonly SkillVersion[],
  latestRef: string | undefined,
  ordinals: ReadonlyMap<string, number>,
): (vscode.QuickPickItem & { readonly version: SkillVersion })[] {
  return versions.map((version) => ({
    label: `$(${version.ref === latestRef ? 'tag' : 'history'}) ${versionLabel(version, ordinals)}`,
    description: version.ref === latestRef ? vscode.l10n.t('latest') : undefined,
    detail: version.description.replace(/\s+/g, ' ').trim() || undefined,
    version,
  }));
}

/** Where a folder is, when that says more than its name: its parent as the user reads it, unless a workspace root. */
function whereIs(folder: vscode.Uri): string | undefined {
  const parent = vscode.Uri.joinPath(folder, '..');
  const root = vscode.workspace.getWorkspaceFolder(folder);
  return root && root.uri.path.replace(/\/+$/, '') === parent.path ? undefined : displayPath(parent);
}

/** Says how many files of an upload look like secrets and are left out. */
function secretsInUpload(count: number): string {
  return count === 1
    ? vscode.l10n.t('1 file looks like a secret and is left out of the upload.')
    : vscode.l10n.t('{0} files look like secrets and are left out of the upload.', formatCount(count));
}

/** Says how many files of a zip look like secrets and are left out unless included. */
function secretsInZip(count: number): string {
  return count === 1
    ? vscode.l10n.t('1 file looks like a secret and is left out of the zip unless you include it.')
    : vscode.l10n.t('{0} files look like secrets and are left out of the zip unless you include them.', formatCount(count));
}
