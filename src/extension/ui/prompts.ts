import * as vscode from 'vscode';
import type { SkillVersion } from '../../core/api/types';
import { displayPath } from './displayPath';
import { versionLabel } from './labels';

/**
 * The questions Skillsmith asks the user, behind one seam so integration tests can answer them
 * without a person (the defaults are modal dialogs, input boxes and folder pickers).
 */
export interface Prompts {
  /** A modal warning; resolves to true only when the user picks `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** The API key input box; `validate` returns a message for input that is plainly wrong. */
  askApiKey(validate: (input: string) => string | undefined): Promise<string | undefined>;
  /** A folder to download into. */
  pickFolder(title: string): Promise<vscode.Uri | undefined>;
  /** One of the workspace's skill `folders` (listed in the order given); `title` says what for. */
  pickSkillFolder(title: string, folders: readonly vscode.Uri[]): Promise<vscode.Uri | undefined>;
  /**
   * One of `versions` (listed in the order given, newest first), each labelled with its ordinal from `ordinals`
   * (over every version of the skill); the one whose ref is `latestRef` is marked latest.
   */
  pickVersion(
    title: string,
    versions: readonly SkillVersion[],
    latestRef: string | undefined,
    ordinals: ReadonlyMap<string, number>,
  ): Promise<SkillVersion | undefined>;
  /** Free text the user types (empty is an answer); undefined when dismissed. */
  askText(title: string, prompt: string): Promise<string | undefined>;
}

/** The prompts a person answers: modal dialogs, a password input box, an open dialog. Frozen: nothing can swap them. */
export const interactivePrompts: Prompts = Object.freeze<Prompts>({
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
  askText(title, prompt) {
    return Promise.resolve(vscode.window.showInputBox({ title, prompt, ignoreFocusOut: true }));
  },
});

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
