import * as vscode from 'vscode';
import { uriExists } from '../shared/uriExists';
import { fileNameOf } from '../services/skillFolders/skillMdName';

/** The internal command a quick fix runs to rename a skill's folder (or a mis-cased SKILL.md). */
export const RENAME_COMMAND = 'skillsmith.lint.renameResource';

/**
 * Renames `from` to `newName` in the same parent folder, through a WorkspaceEdit so open editors follow.
 * Refuses, with a message, when something by that name already exists.
 */
export async function renameResource(from: vscode.Uri, newName: string): Promise<boolean> {
  const target = vscode.Uri.joinPath(from, '..', newName);
  // A change of case only (skill.md -> SKILL.md) finds the file itself on a case-insensitive disk.
  const caseOnly = fileNameOf(from).toLowerCase() === newName.toLowerCase();
  const taken = !caseOnly && (await uriExists(target));
  if (taken) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Cannot rename "{0}" to "{1}": "{1}" already exists there. Move or rename it first.', fileNameOf(from), newName),
    );
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.renameFile(from, target);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) void vscode.window.showErrorMessage(vscode.l10n.t('Could not rename "{0}" to "{1}".', fileNameOf(from), newName));
  return applied;
}
