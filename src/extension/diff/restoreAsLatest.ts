import * as vscode from 'vscode';
import type { SkillVersion } from '../../core/api/types';
import { versionOrdinals, versionTag } from '../../core/api/versionLabel';
import { diffFileSets, isIdentical } from '../../core/bundle/diffFileSets';
import { formatCount } from '../../core/text/count';
import { loadApiModule } from '../../core/api/loadApiModule';
import type { RemoteSkillsView, RemoteVersionItem } from '../shared/remoteItems';
import { apiErrorKind, errorMessage } from '../ui/errorMessage';
import { skillLabel, versionLabel } from '../ui/labels';
import { showError } from '../ui/showError';
import { withCancellableProgress } from '../ui/withCancellableProgress';
import { remoteSide, type CompareContext } from './compareCommands';
import { compareFileSets, type Comparison } from './compareFileSets';

/** What restoring works with: the compare commands' context, and the tree to reveal the new version in. */
export interface RestoreContext extends CompareContext {
  readonly remote: RemoteSkillsView;
}

/** How *Restore as Latest…* ended, for the tests and the log (the user was told already). */
export type RestoreOutcome =
  | { readonly kind: 'restored'; readonly version: SkillVersion; readonly comparison: Comparison }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'no-versions' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * *Restore as Latest…* on a version of a custom skill: the API has no default version (users get the latest), so
 * rolling back is a new version with exactly this version's files. Shows what changes against the latest in the
 * multi-file diff editor, asks, publishes, and reveals the new version in the tree.
 */
export async function restoreAsLatest(context: RestoreContext, node: RemoteVersionItem): Promise<RestoreOutcome> {
  const { services } = context;
  const skill = node.parent.skill;
  const name = skillLabel(skill);
  try {
    const client = await services.session.getClient();
    const api = loadApiModule();
    const plan = await withCancellableProgress(
      vscode.l10n.t('Comparing with the latest version of "{0}"', name),
      async (_progress, signal) => {
        const versions: SkillVersion[] = [];
        for await (const version of client.iterateVersions(skill.id, { signal })) versions.push(version);
        const latest = api.latestOf(versions);
        if (!latest) return undefined;
        const ordinals = versionOrdinals(versions);
        const label = (version: SkillVersion) => versionLabel(version, ordinals);
        const tag = (version: SkillVersion) => versionTag(ordinals.get(version.id) ?? versions.length);
        // Both sides' paths read the same (only their queries differ), so each file is paired with itself.
        const title = vscode.l10n.t('{0} (latest) ↔ {1} (restored)', tag(latest), tag(node.version));
        const names = { skill: name, version: title };
        const [before, after] = await Promise.all([
          remoteSide(context, latest, names, signal),
          remoteSide(context, node.version, names, signal),
        ]);
        return { latest, label, tag, title, before, after, next: versionTag(versions.length + 1) };
      },
    );
    if (!plan) {
      void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" lists no versions any more: refresh the Skills view.', name));
      return { kind: 'no-versions' };
    }
    const { latest, label, tag } = plan;
    if (isIdentical(diffFileSets(plan.before.files, plan.after.files))) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          '{0} of "{1}" has the same files as the latest version, {2}: nothing to restore.',
          label(node.version),
          name,
          tag(latest),
        ),
      );
      return { kind: 'unchanged' };
    }
    const comparison = await compareFileSets(plan.title, plan.before, plan.after);
    const confirmed = await services.prompts.confirm(
      vscode.l10n.t('Restore {0} of "{1}" as the latest version?', label(node.version), name),
      vscode.l10n.t(
        'A new version, {0}, gets exactly the files of {1}: {2} against the latest, {3}. Users of the skill get it from then on.',
        plan.next,
        tag(node.version),
        changesSummary(comparison),
        tag(latest),
      ),
      vscode.l10n.t('Restore as Latest'),
    );
    if (!confirmed) return { kind: 'cancelled' };
    const version = await withCancellableProgress(
      vscode.l10n.t('Restoring {0} of "{1}"', tag(node.version), name),
      async (_progress, signal) => {
        const result = await api.restoreVersion(client, { skillId: skill.id, files: plan.after.files }, signal);
        return client.getVersion(skill.id, result.version, signal);
      },
    );
    services.log.info(`Restored ${node.version.id} of ${skill.id} as ${version.id}`);
    await context.remote.revealVersion(skill.id, version).catch((error: unknown) => {
      services.log.warn(`Restored ${version.id}, but could not show it in the tree: ${errorMessage(error)}`);
    });
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Restored {0} of "{1}" as {2}, the latest version.', tag(node.version), name, plan.next),
    );
    return { kind: 'restored', version, comparison };
  } catch (error) {
    if (apiErrorKind(error) === 'cancelled') return { kind: 'cancelled' };
    void showError(services.log, vscode.l10n.t('Could not restore a version of "{0}"', name), error);
    return { kind: 'failed', message: errorMessage(error) };
  }
}

/** "1 file changed, 2 added, 1 removed", the parts that are not zero. */
function changesSummary(comparison: Comparison): string {
  const { changed, added, removed } = comparison;
  const parts = [
    changed.length === 1
      ? vscode.l10n.t('1 file changed')
      : changed.length > 1
        ? vscode.l10n.t('{0} files changed', formatCount(changed.length))
        : undefined,
    added.length === 1
      ? vscode.l10n.t('1 file added')
      : added.length > 1
        ? vscode.l10n.t('{0} files added', formatCount(added.length))
        : undefined,
    removed.length === 1
      ? vscode.l10n.t('1 file removed')
      : removed.length > 1
        ? vscode.l10n.t('{0} files removed', formatCount(removed.length))
        : undefined,
  ];
  return parts.filter((part) => part !== undefined).join(', ');
}
