import * as vscode from 'vscode';
import { SKILL_MD } from '../../core/skill/skillMdName';
import type { PublishPrompts } from './publishPrompts';

const EXCLUDED = '**/{node_modules,.git}/**';

/**
 * The skill folder a command is about: the folder given (or the folder of the `SKILL.md` given, from the
 * Explorer or the editor title), else the folder of the active `SKILL.md` editor, else one the user picks
 * among the workspace's skill folders (`title` says what for). Undefined when there is none or the user cancelled.
 */
export async function resolveSkillFolder(prompts: PublishPrompts, title: string, given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (given instanceof vscode.Uri) return isSkillMdFile(given) ? parentOf(given) : given;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && isSkillMdFile(active)) return parentOf(active);
  const folders = await workspaceSkillFolders();
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No skill folder (a folder with a {0}) in this workspace.', SKILL_MD));
    return undefined;
  }
  return folders.length === 1 ? folders[0] : prompts.pickSkillFolder(title, folders);
}

/** Every folder of the workspace holding a `SKILL.md`, sorted by path. */
export async function workspaceSkillFolders(): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles(`**/${SKILL_MD}`, EXCLUDED);
  return files.map(parentOf).sort((a, b) => a.path.localeCompare(b.path));
}

function isSkillMdFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${SKILL_MD}`);
}

function parentOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}
