import * as vscode from 'vscode';
import type { SkillsClient, SkillVersion } from '../../../core/api/types';
import { loadApiModule } from '../../api/loadApiModule';
import type { SkillNode } from '../nodes/skillNode';
import { showError } from '../showError';
import type { CommandContext } from './commandContext';

/**
 * Deletes a skill after a modal confirmation that names it. A service that refuses while versions remain
 * gets an offer to delete them first (with progress); a service that deletes the skill outright just does.
 */
export async function deleteSkill(context: CommandContext, node: SkillNode): Promise<void> {
  const { id } = node.skill;
  const name = node.skill.title || id;
  const confirmed = await context.prompts.confirm(
    vscode.l10n.t('Delete skill "{0}"?', name),
    vscode.l10n.t('{0} is deleted from the Claude API for everyone in the workspace. This cannot be undone.', id),
    vscode.l10n.t('Delete Skill'),
  );
  if (!confirmed) return;
  const failure = vscode.l10n.t('Could not delete skill "{0}"', name);
  try {
    const client = await context.getClient();
    if (!(await deleteOrExplainVersions(client, id))) {
      const versions = await collect(client.iterateVersions(id));
      const deleteAll = await context.prompts.confirm(
        vscode.l10n.t('"{0}" still has {1} versions. Delete them first, then the skill?', name, versions.length),
        versions.map((version) => version.version ?? version.id).join('\n'),
        vscode.l10n.t('Delete Versions and Skill'),
      );
      if (!deleteAll) return;
      await deleteVersionsThenSkill(context, client, id, versions);
    }
    context.log.info(`Deleted skill ${id}`);
  } catch (error) {
    if (error instanceof vscode.CancellationError) {
      // Some versions may be gone already: show what is left.
      await context.tree.refresh();
      return;
    }
    await showError(context.log, failure, error);
    return;
  }
  await context.tree.removeSkill(node);
}

/** Tries to delete the skill: true when it is gone, false when the service refused because versions remain. */
async function deleteOrExplainVersions(client: SkillsClient, skillId: string): Promise<boolean> {
  try {
    await client.deleteSkill(skillId);
    return true;
  } catch (error) {
    const { SkillsApiError } = loadApiModule();
    if (error instanceof SkillsApiError && (error.kind === 'bad-request' || error.kind === 'conflict')) {
      const remaining = await client.listVersions(skillId, { limit: 1 });
      if (remaining.items.length > 0) return false;
    }
    throw error;
  }
}

async function deleteVersionsThenSkill(
  context: CommandContext,
  client: SkillsClient,
  skillId: string,
  versions: readonly SkillVersion[],
): Promise<void> {
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0}', skillId), cancellable: true },
    async (progress, token) => {
      for (const version of versions) {
        if (token.isCancellationRequested) throw new vscode.CancellationError();
        progress.report({ message: version.version ?? version.id, increment: 100 / (versions.length + 1) });
        await client.deleteVersion(skillId, version.ref);
        context.archives.forget(skillId, version.ref);
        context.log.info(`Deleted version ${version.ref} of ${skillId}`);
      }
      await client.deleteSkill(skillId);
    },
  );
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
