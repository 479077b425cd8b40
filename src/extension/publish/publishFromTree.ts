import * as vscode from 'vscode';
import { skillLabel } from '../ui/labels';
import type { RemoteSkillItem } from '../shared/remoteItems';
import type { PublishOutcome } from '../shared/publishOutcome';
import { publishFolder, type PublishContext } from './publishFolder';

/**
 * "Publish New Version from Folder…" on a custom skill in the tree: the user picks a skill folder of the
 * workspace (those linked to this skill first), which is then published to this skill and linked to it.
 */
export async function publishFromTree(context: PublishContext, node: RemoteSkillItem): Promise<PublishOutcome | undefined> {
  const skill = node.skill;
  if (skill.source !== 'custom') return undefined;
  const folder = await context.services.folders.resolve(node, vscode.l10n.t('Publish a new version of "{0}" from…', skillLabel(skill)));
  return folder ? publishFolder(context, folder, skill) : undefined;
}
