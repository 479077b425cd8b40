import * as vscode from 'vscode';
import { showError } from '../../ui/showError';
import { skillLabel, versionLabel } from '../../ui/labels';
import type { VersionNode } from '../nodes/versionNode';
import type { CommandContext } from './commandContext';

/** Opens the version's SKILL.md in a read-only editor. */
export async function openSkillMd(context: CommandContext, node: VersionNode): Promise<void> {
  const { skillId, ref } = node.version;
  const named = { when: versionLabel(node.version, node.parent.ordinals), skill: skillLabel(node.parent.skill) };
  try {
    const archive = await context.archives.get(skillId, ref);
    const path = archive.skillMdPath();
    if (!path) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Version {1} of "{0}" has no SKILL.md.', named.skill, named.when));
      return;
    }
    await vscode.window.showTextDocument(node.uriOf(path), { preview: true });
  } catch (error) {
    await showError(context.log, vscode.l10n.t('Could not open SKILL.md of version {1} of "{0}"', named.skill, named.when), error);
  }
}
