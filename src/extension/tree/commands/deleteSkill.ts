import * as vscode from 'vscode';
import type { SkillVersion } from '../../../core/api/types';
import { loadApiModule } from '../../../core/api/loadApiModule';
import { versionOrdinals } from '../../../core/api/versionLabel';
import { formatCount } from '../../../core/text/count';
import { apiErrorKind } from '../../ui/errorMessage';
import { showError } from '../../ui/showError';
import { showStatus } from '../../ui/showStatus';
import { withCancellableProgress } from '../../ui/withCancellableProgress';
import { skillLabel, versionLabel } from '../../ui/labels';
import type { SkillNode } from '../nodes/skillNode';
import type { CommandContext } from './commandContext';

/**
 * Deletes a skill after a modal confirmation that names it, with `deleteSkillAndVersions` (core/api): a
 * service that refuses while versions remain gets an offer to delete them first. Progress is cancellable
 * and cancels the request in flight; the tree then shows what is left.
 */
export async function deleteSkill(context: CommandContext, node: SkillNode): Promise<void> {
  const { id } = node.skill;
  const name = skillLabel(node.skill);
  const confirmed = await context.prompts.confirm(
    vscode.l10n.t('Delete skill "{0}"?', name),
    vscode.l10n.t('The skill is deleted from the Claude API for everyone in the workspace. This cannot be undone.'),
    vscode.l10n.t('Delete Skill'),
  );
  if (!confirmed) return;
  let versionsDeleted = 0;
  // The versions are listed whole before any is deleted: their labels keep the ordinals of that listing.
  let ordinals: ReadonlyMap<string, number> = new Map();
  try {
    const result = await withCancellableProgress(vscode.l10n.t('Deleting "{0}"', name), async (progress, signal) =>
      loadApiModule().deleteSkillAndVersions(await context.session.getClient(), id, {
        signal,
        confirmVersions: (versions) => {
          ordinals = versionOrdinals(versions);
          return confirmVersions(context, name, versions, ordinals);
        },
        onProgress: ({ version, done, total }) =>
          progress.report({
            message: vscode.l10n.t(
              '{0} ({1} of {2})',
              version ? versionLabel(version, ordinals) : name,
              formatCount(done + 1),
              formatCount(total),
            ),
            increment: done === 0 ? 0 : 100 / total,
          }),
        onVersionDeleted: (version) => {
          versionsDeleted++;
          context.archives.forget(id, version.ref);
          context.log.info(`Deleted version ${version.ref} of ${id}`);
        },
      }),
    );
    if (!result.deleted) return;
    context.log.info(`Deleted skill ${id}`);
  } catch (error) {
    if (apiErrorKind(error) === 'cancelled') {
      showStatus(vscode.l10n.t('Deleting "{0}" was cancelled.', name));
    } else {
      await showError(context.log, vscode.l10n.t('Could not delete skill "{0}"', name), error);
    }
    // Versions deleted before the cancel or the failure are gone: show what is left.
    if (versionsDeleted > 0 || apiErrorKind(error) === 'cancelled') await context.tree.refresh();
    return;
  }
  await context.tree.removeSkill(node);
  showStatus(vscode.l10n.t('$(trash) Deleted skill "{0}".', name));
}

function confirmVersions(
  context: CommandContext,
  name: string,
  versions: readonly SkillVersion[],
  ordinals: ReadonlyMap<string, number>,
): Promise<boolean> {
  return context.prompts.confirm(
    versions.length === 1
      ? vscode.l10n.t('"{0}" still has 1 version. Delete it first, then the skill?', name)
      : vscode.l10n.t('"{0}" still has {1} versions. Delete them first, then the skill?', name, formatCount(versions.length)),
    versions.map((version) => versionLabel(version, ordinals)).join('\n'),
    vscode.l10n.t('Delete Versions and Skill'),
  );
}
