import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SkillFolders } from '../services/skillFolders/skillFolders';

interface FolderPick extends vscode.QuickPickItem {
  readonly uri?: vscode.Uri;
}

/** Folders that already hold skills: the parents of existing skill folders, a few at most. */
async function existingSkillParents(folders: SkillFolders): Promise<vscode.Uri[]> {
  const parents = new Map<string, vscode.Uri>();
  for (const folder of await folders.list()) {
    const parent = vscode.Uri.joinPath(folder, '..');
    parents.set(parent.toString(), parent);
  }
  return [...parents.values()].slice(0, 8);
}

/**
 * Where the new skill's folder goes: the folder the command was run on, else the only candidate, else the user's pick
 * among workspace folders and folders that already hold skills, or any folder they browse to.
 */
export async function pickParentFolder(folders: SkillFolders): Promise<vscode.Uri | undefined> {
  const candidates = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) candidates.set(folder.uri.toString(), folder.uri);
  for (const parent of await existingSkillParents(folders)) candidates.set(parent.toString(), parent);

  if (candidates.size === 1) return [...candidates.values()][0];
  const browse: FolderPick = { label: vscode.l10n.t('$(folder-opened) Browse…') };
  const items: FolderPick[] = [...candidates.values()].map((uri) => ({
    label: `$(folder) ${path.posix.basename(uri.path)}`,
    description: vscode.workspace.asRelativePath(uri, true),
    uri,
  }));
  const picked =
    items.length === 0
      ? browse
      : await vscode.window.showQuickPick([...items, browse], { title: vscode.l10n.t('New Skill: where should its folder go?') });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Create Skill Here'),
  });
  return chosen?.[0];
}
