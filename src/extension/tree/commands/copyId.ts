import * as vscode from 'vscode';
import { SkillNode } from '../nodes/skillNode';
import type { VersionNode } from '../nodes/versionNode';

/** Copies the id of a skill or a version to the clipboard. */
export async function copyId(node: SkillNode | VersionNode): Promise<void> {
  const id = node instanceof SkillNode ? node.skill.id : node.version.id;
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', id), 3000);
}
