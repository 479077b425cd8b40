import * as vscode from 'vscode';
import type { VersionNode } from '../nodes/versionNode';
import { showError } from '../showError';
import type { CommandContext } from './commandContext';

/** Deletes a version after a modal confirmation that names it. */
export async function deleteVersion(context: CommandContext, node: VersionNode): Promise<void> {
  const { skillId, ref } = node.version;
  const skillName = node.parent.skill.title || skillId;
  const confirmed = await context.prompts.confirm(
    vscode.l10n.t('Delete version {0} of "{1}"?', ref, skillName),
    vscode.l10n.t('The version is deleted from the Claude API for everyone in the workspace. This cannot be undone.'),
    vscode.l10n.t('Delete Version'),
  );
  if (!confirmed) return;
  try {
    await (await context.getClient()).deleteVersion(skillId, ref);
    context.log.info(`Deleted version ${ref} of ${skillId}`);
  } catch (error) {
    await showError(context.log, vscode.l10n.t('Could not delete version {0}', ref), error);
    return;
  }
  await context.tree.removeVersion(node);
}
