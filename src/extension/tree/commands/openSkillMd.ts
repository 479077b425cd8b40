import * as vscode from 'vscode';
import { toRemoteUri } from '../../remote/remoteUri';
import type { VersionNode } from '../nodes/versionNode';
import { showError } from '../showError';
import type { CommandContext } from './commandContext';

/** Opens the version's SKILL.md in a read-only editor. */
export async function openSkillMd(context: CommandContext, node: VersionNode): Promise<void> {
  const { skillId, ref } = node.version;
  try {
    const archive = await context.archives.get(skillId, ref);
    const path = archive.skillMdPath();
    if (!path) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Version {0} of {1} has no SKILL.md.', ref, skillId));
      return;
    }
    await vscode.window.showTextDocument(toRemoteUri({ skillId, versionRef: ref, path }), { preview: true });
  } catch (error) {
    await showError(context.log, vscode.l10n.t('Could not open SKILL.md of version {0}', ref), error);
  }
}
