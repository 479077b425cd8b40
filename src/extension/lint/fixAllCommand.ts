import * as vscode from 'vscode';
import { fixAllEdit } from './fixAllEdit';
import type { FolderListings } from './folderListings';
import { folderOf } from './lintSkillText';
import { SKILL_MD } from '../../core/skill/skillMdName';
import type { FolderSettings } from '../services/skillFolders/skillFolders';
import { isLintable } from '../services/skillFolders/skillMdName';

/** "Fix All Problems in SKILL.md": applies every text fix of the given (or active) SKILL.md as one undoable edit. */
export async function fixAllCommand(listings: FolderListings, settings: FolderSettings, uri?: vscode.Uri): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || !isLintable(target)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a {0} file to fix its problems.', SKILL_MD));
    return;
  }
  const document = await vscode.workspace.openTextDocument(target);
  const edit = fixAllEdit(settings, document, await listings.get(folderOf(target)));
  if (!edit) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix automatically in this {0}.', SKILL_MD));
    return;
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The fixes could not be applied: the file changed meanwhile. Try again.'));
  }
}
