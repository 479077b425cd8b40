import * as vscode from 'vscode';
import type { SkillVersion } from '../../core/api/types';
import { listSkillVersions } from '../services/skillVersions';
import type { Services } from '../services/services';
import type { PublishOutcome, PublishRequest } from '../shared/publishOutcome';
import { rememberedVersionLabel, versionLabel, versionShortLabel } from '../ui/labels';
import { displayPath } from '../ui/displayPath';

/** The published version a run of a folder's evals uses. */
export interface EvalTarget {
  readonly skillId: string;
  /** What `container.skills[].version` names (the version's ref). */
  readonly version: string;
  /** How messages name it. */
  readonly label: string;
}

/** What choosing a target needs. */
export interface TargetContext {
  readonly services: Services;
}

/** How a run of a folder's draft gets its version: the linked one as it is, or a publish the user agreed to. */
export type DraftAnswer = { readonly kind: 'linked'; readonly target: EvalTarget } | { readonly kind: 'publish' };

/**
 * The version that holds the folder's draft: its linked version when the folder has not changed since; else asks
 * whether to publish it as a new version (the run's first question). Undefined when the user declines.
 */
export async function askDraftTarget(context: TargetContext, folder: vscode.Uri): Promise<DraftAnswer | undefined> {
  const { folders } = context.services;
  const link = folders.link(folder);
  const published = link?.published;
  if (link && published && (await folders.changedSincePublished(folder)) === false) {
    return {
      kind: 'linked',
      target: {
        skillId: link.skillId,
        version: published.ref,
        label: vscode.l10n.t('the published draft, {0}', rememberedVersionLabel(published)),
      },
    };
  }
  const name = displayPath(folder);
  const action = vscode.l10n.t('Publish and Run');
  const message = link
    ? vscode.l10n.t(
        '{0} changed since its last published version. Publish it as a new version of "{1}" and run the evals against it?',
        name,
        link.title,
      )
    : vscode.l10n.t('{0} is not published yet. Publish it and run the evals against it?', name);
  const detail = vscode.l10n.t(
    'The evals run against a published version of the skill, as API users get it. Run them against a remote version instead with the "Run Against a Remote Version" profile.',
  );
  return (await context.services.prompts.confirm(message, detail, action)) ? { kind: 'publish' } : undefined;
}

/**
 * Publishes the folder's draft as a new version (through the publish command and its preview, leaving the side bar
 * as it is) and returns it; undefined when the publish does not happen.
 */
export async function publishDraft(context: TargetContext, folder: vscode.Uri): Promise<EvalTarget | undefined> {
  const request: PublishRequest = { reveal: false };
  const outcome = await vscode.commands.executeCommand<PublishOutcome | undefined>('skillsmith.publish.folder', folder, request);
  if (outcome?.kind !== 'published') {
    context.services.log.info(
      `Evals of ${folder.fsPath} not run: the publish ended ${outcome ? JSON.stringify(outcome) : 'without an outcome'}`,
    );
    return undefined;
  }
  const remembered = context.services.folders.link(folder)?.published;
  const label =
    remembered?.id === outcome.version.id
      ? rememberedVersionLabel(remembered)
      : rememberedVersionLabel({ id: outcome.version.id, createdAt: outcome.version.createdAt });
  return { skillId: outcome.skillId, version: outcome.version.ref, label: vscode.l10n.t('the new version, {0}', label) };
}

/** A version of the folder's linked skill, picked by the user (newest first); undefined when the user cancels or there is no link. */
export async function pickedTarget(context: TargetContext, folder: vscode.Uri, title: string): Promise<EvalTarget | undefined> {
  const picked = await pickVersion(context, folder, title);
  if (!picked) return undefined;
  return { skillId: picked.version.skillId, version: picked.version.ref, label: picked.label };
}

/** A version the user picked, with its label ("v3 (Dec 6, 2026, 8:17:03 PM)") and short label ("v3"). */
export interface PickedVersion {
  readonly version: SkillVersion;
  readonly label: string;
  readonly short: string;
}

/** A version of the folder's linked skill, picked by the user; undefined after saying why when the folder is not linked. */
export async function pickVersion(
  context: TargetContext,
  folder: vscode.Uri,
  title: string,
  except?: string,
): Promise<PickedVersion | undefined> {
  const link = context.services.folders.link(folder);
  if (!link) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} is not linked to a remote skill yet. Publish it once to link it.', displayPath(folder)),
    );
    return undefined;
  }
  const all = await listSkillVersions(await context.services.session.getClient(), link.skillId);
  const versions = all.versions.filter((version) => version.ref !== except);
  if (versions.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" has no other version to pick.', link.title));
    return undefined;
  }
  const version = await context.services.prompts.pickVersion(title, versions, all.versions[0]?.ref, all.ordinals);
  return version && { version, label: versionLabel(version, all.ordinals), short: versionShortLabel(version, all.ordinals) };
}
