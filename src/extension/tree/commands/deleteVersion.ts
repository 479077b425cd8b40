import * as vscode from 'vscode';
import { showError } from '../../ui/showError';
import { showStatus } from '../../ui/showStatus';
import { skillLabel, versionLabel } from '../../ui/labels';
import type { VersionNode } from '../nodes/versionNode';
import { withViewProgress } from '../skillsView';
import type { CommandContext } from './commandContext';

/**
 * Deletes a version after a modal confirmation that names it as the tree does, with the view's progress bar
 * (one short request: no notification to flash), and says in the status bar when it is done.
 */
export async function deleteVersion(context: CommandContext, node: VersionNode): Promise<void> {
  const { skillId, ref } = node.version;
  const skillName = skillLabel(node.parent.skill);
  const when = versionLabel(node.version, node.parent.ordinals);
  const confirmed = await context.prompts.confirm(
    vscode.l10n.t('Delete version {1} of "{0}"?', skillName, when),
    vscode.l10n.t('The version is deleted from the Claude API for everyone in the workspace. This cannot be undone.'),
    vscode.l10n.t('Delete Version'),
  );
  if (!confirmed) return;
  try {
    await withViewProgress(async () => (await context.session.getClient()).deleteVersion(skillId, ref));
    context.log.info(`Deleted version ${ref} of ${skillId}`);
  } catch (error) {
    await showError(context.log, vscode.l10n.t('Could not delete version {1} of "{0}"', skillName, when), error);
    return;
  }
  await context.tree.removeVersion(node);
  showStatus(vscode.l10n.t('$(trash) Deleted version {1} of "{0}".', skillName, when));
}
