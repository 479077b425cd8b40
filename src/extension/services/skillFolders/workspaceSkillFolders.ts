import * as vscode from 'vscode';
import { SKILL_MD } from '../../../core/skill/skillMdName';

const EXCLUDED = '**/{node_modules,.git}/**';

/** Every folder of the workspace holding a `SKILL.md`, sorted by path. */
export async function workspaceSkillFolders(): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles(`**/${SKILL_MD}`, EXCLUDED);
  return files.map((file) => vscode.Uri.joinPath(file, '..')).sort((a, b) => a.path.localeCompare(b.path));
}
