import * as vscode from 'vscode';
import { skillLabel } from '../ui/labels';
import type { RemoteSkillItem } from '../shared/remoteItems';
import type { PublishOutcome } from '../shared/publishOutcome';
import { publishFolder, type PublishContext } from './publishFolder';
import { workspaceSkillFolders } from '../services/skillFolders/workspaceSkillFolders';

/**
 * "Publish New Version from Folder…" on a custom skill in the tree: the user picks a skill folder of the
 * workspace (those linked to this skill first), which is then published to this skill and linked to it.
 */
export async function publishFromTree(context: PublishContext, node: RemoteSkillItem): Promise<PublishOutcome | undefined> {
  const skill = node.skill;
  if (skill.source !== 'custom') return undefined;
  const folders = await workspaceSkillFolders();
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No skill folder (a folder with a SKILL.md) in this workspace to publish from.'));
    return undefined;
  }
  const linkedHere = (folder: vscode.Uri) => context.links.get(folder)?.skillId === skill.id;
  const ordered = [...folders.filter(linkedHere), ...folders.filter((folder) => !linkedHere(folder))];
  const folder = await context.prompts.pickSkillFolder(vscode.l10n.t('Publish a new version of "{0}" from…', skillLabel(skill)), ordered);
  return folder ? publishFolder(context, folder, skill) : undefined;
}
