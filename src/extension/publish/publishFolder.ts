import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { ApiErrorKind, Skill, SkillsClient, SkillVersion } from '../../core/api/types';
import { fileSetBytes, type FileSet } from '../../core/bundle/fileSet';
import { hashFileSet } from '../../core/bundle/hashFileSet';
import { prepareUpload, readPreparedFiles } from '../../core/bundle/prepareUpload';
import { zipFileSet } from '../../core/bundle/zipFileSet';
import { formatBytes } from '../../core/bundle/uploadChecks';
import { formatCount } from '../../core/text/count';
import { lastEntry, parseSkillMd } from '../../core/skill/parse';
import { SKILL_MD } from '../../core/skill/skillMdName';
import { loadApiModule } from '../../core/api/loadApiModule';
import type { Services } from '../services/services';
import { hashOfFolder } from '../services/skillFolders/folderHash';
import { listSkillVersions } from '../services/skillVersions';
import { displayPath } from '../ui/displayPath';
import { rememberedVersionLabel, skillLabel, versionLabel } from '../ui/labels';
import { apiErrorKind, errorMessage } from '../ui/errorMessage';
import { showError } from '../ui/showError';
import { withCancellableProgress } from '../ui/withCancellableProgress';
import { chooseTarget, type PublishDestination } from './chooseTarget';
import { compareWithLatest } from './compareWithLatest';
import type { LinkStore } from '../services/skillFolders/linkStore';
import { passLintGate } from './lintGate';
import { previewFindingsOf } from '../ui/previewFindings';
import { blockedPreview, type PublishPreview } from '../ui/publishPreview';
import { showRefusal } from './showRefusal';
import type { PublishOutcome } from '../shared/publishOutcome';

/** What publishing works with. */
export interface PublishContext {
  readonly services: Services;
  readonly links: LinkStore;
  readonly problems: vscode.DiagnosticCollection;
  readonly extensionUri: vscode.Uri;
  /** Adds the new version to the Remote Skills tree and, when `reveal`, shows it there, selected. */
  showVersion(skillId: string, version: SkillVersion, reveal: boolean): Promise<void>;
}

/**
 * Publishes the skill folder `folder`: lint gate (`claude-api`), target skill (its link, or the user's pick),
 * preview, upload with a cancellable progress, then link, cache, reveal and offer to copy the version id.
 * Nothing local is modified. `chosen` is the skill picked in the tree, if any; `reveal` false leaves the side bar
 * as it is (the version is added to the tree all the same).
 */
export async function publishFolder(context: PublishContext, folder: vscode.Uri, chosen?: Skill, reveal = true): Promise<PublishOutcome> {
  const { log } = context.services;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Publishing is off in an untrusted workspace. Trust this workspace to publish its skills.'),
    );
    return { kind: 'blocked' };
  }
  try {
    if (!(await publishesChange(context, folder, chosen))) return { kind: 'cancelled' };
    const prepare = async (allowSecrets: readonly string[]) =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking {0}', folderName(folder)) },
        () => prepareUpload(folder.fsPath, { limitBytes: context.services.folders.uploadLimitOf(folder), allowSecrets }),
      );
    const gate = await passLintGate({ ...context, prompts: context.services.prompts }, folder, await prepare([]), prepare);
    if (gate.kind === 'blocked-by-findings') {
      await context.services.prompts.preview(blockedPreview('publish', folder, gate.prepared, gate.prepared.errors.length));
      return { kind: 'blocked' };
    }
    if (gate.kind !== 'pass') return gate;
    const { prepared, allowedSecrets } = gate;
    const skillName = (await frontmatterName(folder)) ?? prepared.folderName;
    const client = await context.services.session.getClient();
    const target = await chooseTarget({ links: context.links, prompts: context.services.prompts, client }, folder, skillName, chosen);
    if (!target) return { kind: 'cancelled' };
    const set = readPreparedFiles(prepared);
    const hash = hashFileSet(set);
    const comparison =
      target.kind === 'new'
        ? { kind: 'new-skill' as const }
        : await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Comparing with the latest version') },
            () => compareWithLatest(context.services.archives, target.skill, set, hash, context.links.get(folder)),
          );
    const preview: PublishPreview = {
      purpose: 'publish',
      title: titleOf(prepared.folderName, target),
      placeholder:
        comparison.kind === 'unchanged'
          ? vscode.l10n.t('Nothing changed since the latest version: cancel, or publish the same files again')
          : vscode.l10n.t('Check the files, then publish'),
      folderName: set.folderName,
      files: set.files.map((file) => ({ path: `${set.folderName}/${file.path}`, bytes: file.data.byteLength })),
      totalBytes: fileSetBytes(set),
      limitBytes: prepared.limitBytes,
      leftOut: prepared.collected.leftOut.map((entry) => ({ path: entry.relativePath, reason: entry.reason })),
      comparison,
      findings: previewFindingsOf(folder, prepared.diagnostics, prepared.skillMd),
    };
    if (!(await context.services.prompts.preview(preview))) return { kind: 'cancelled' };
    let uploaded = await upload(client, target, set, prepared.folderName);
    // A busy or failing service (529, 5xx, a timeout) is worth another try with the same files and choices.
    while (
      uploaded.kind === 'unavailable' &&
      (await context.services.prompts.retryPublish(retryMessage(prepared.folderName, target, uploaded.message)))
    ) {
      uploaded = await upload(client, target, set, prepared.folderName);
    }
    if (uploaded.kind !== 'published') {
      if (uploaded.kind === 'refused') void showRefusal(log, uploaded, context.extensionUri);
      if (uploaded.kind === 'unavailable') log.error(`Not published: ${folder.fsPath}: ${uploaded.message}`);
      return uploaded.kind === 'unavailable' ? { kind: 'failed', message: uploaded.message } : uploaded;
    }
    const { skill, version } = uploaded;
    log.info(`Published ${folder.fsPath} as ${version.id} of ${skill.id} (${set.files.length} files, ${fileSetBytes(set)} bytes)`);
    const ordinal = target.kind === 'new' ? 1 : await ordinalOf(client, version);
    await context.links.set(folder, {
      skillId: skill.id,
      title: skillLabel(skill),
      published: {
        id: version.id,
        ref: version.ref,
        hash,
        allowedSecrets,
        createdAt: version.createdAt,
        ...(ordinal === undefined ? {} : { ordinal }),
      },
    });
    context.problems.delete(vscode.Uri.joinPath(folder, SKILL_MD));
    await keepUpload(context, skill.id, version.ref, set);
    await context.showVersion(skill.id, version, reveal);
    void announce(skill, version, ordinal, target.kind === 'new');
    return { kind: 'published', skillId: skill.id, version, files: set.files.length, bytes: fileSetBytes(set) };
  } catch (error) {
    void showError(log, vscode.l10n.t('Could not publish {0}', folderName(folder)), error);
    return { kind: 'failed', message: errorMessage(error) };
  }
}

/**
 * Whether to go on: true unless the folder holds exactly what was published from it as the skill's latest version
 * and the user, told so before any other question, does not publish it again. When that cannot be known (never
 * published, offline, or another skill was chosen), true: the preview compares again.
 */
async function publishesChange(context: PublishContext, folder: vscode.Uri, chosen: Skill | undefined): Promise<boolean> {
  const link = context.links.get(folder);
  const published = link?.published;
  if (!link || !published || (chosen && chosen.id !== link.skillId)) return true;
  try {
    if ((await hashOfFolder(folder.fsPath, published.allowedSecrets)) !== published.hash) return true;
    const skill = await (await context.services.session.getClient()).getSkill(link.skillId);
    if (skill.latestVersion !== published.id && skill.latestVersion !== published.ref) return true;
  } catch (error) {
    context.services.log.info(`Could not tell whether ${folder.fsPath} changed since it was published: ${errorMessage(error)}`);
    return true;
  }
  return context.services.prompts.publishUnchanged(
    vscode.l10n.t(
      'Nothing changed in {0} since {1} of "{2}" was published from it.',
      displayPath(folder),
      rememberedVersionLabel(published),
      link.title,
    ),
  );
}

type UploadResult =
  | { readonly kind: 'published'; readonly skill: Skill; readonly version: SkillVersion }
  | { readonly kind: 'unavailable'; readonly message: string }
  | Extract<PublishOutcome, { kind: 'cancelled' | 'refused' }>;

/** What a retry may fix: the service was busy, failed, or could not be reached in time. */
const TRANSIENT: ReadonlySet<ApiErrorKind | undefined> = new Set<ApiErrorKind | undefined>([
  'overloaded',
  'server',
  'rate-limited',
  'timeout',
  'offline',
]);

/** Sends the files under a cancellable progress (Cancel aborts the request), then reads back what was made. */
async function upload(client: SkillsClient, target: PublishDestination, set: FileSet, name: string): Promise<UploadResult> {
  try {
    return await withCancellableProgress(vscode.l10n.t('Publishing {0}', name), async (progress, signal) => {
      const size = formatBytes(fileSetBytes(set));
      progress.report({
        message:
          set.files.length === 1
            ? vscode.l10n.t('Uploading 1 file ({0})', size)
            : vscode.l10n.t('Uploading {0} files ({1})', formatCount(set.files.length), size),
      });
      const options =
        target.kind === 'existing'
          ? { skillId: target.skill.id, signal }
          : { newSkill: true as const, displayName: target.displayName, signal };
      const result = await loadApiModule().publishSkill(client, set, options);
      progress.report({ message: vscode.l10n.t('Reading the new version') });
      const [skill, version] = await Promise.all([
        target.kind === 'existing' ? target.skill : client.getSkill(result.skillId, signal),
        client.getVersion(result.skillId, result.version, signal),
      ]);
      return { kind: 'published', skill, version };
    });
  } catch (error) {
    if (apiErrorKind(error) === 'cancelled') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Publishing {0} was cancelled. If the upload had already reached the service, the version may exist: refresh the Skills view to see.',
          name,
        ),
      );
      return { kind: 'cancelled' };
    }
    if (TRANSIENT.has(apiErrorKind(error))) return { kind: 'unavailable', message: errorMessage(error) };
    const details = error as { readonly requestId?: unknown; readonly rule?: unknown };
    return {
      kind: 'refused',
      message: errorMessage(error),
      requestId: typeof details.requestId === 'string' ? details.requestId : undefined,
      rule: typeof details.rule === 'string' ? details.rule : undefined,
    };
  }
}

/** Keeps the uploaded files as a zip in global storage for later diffs; a failure here only costs a download later. */
async function keepUpload(context: PublishContext, skillId: string, ref: string, set: FileSet): Promise<void> {
  try {
    await context.services.uploads.put(skillId, ref, await zipFileSet(set));
  } catch (error) {
    context.services.log.warn(`Could not keep the upload of ${skillId}@${ref} for later diffs: ${errorMessage(error)}`);
  }
}

/** The ordinal of a version just published, counted over the skill's versions; undefined when they cannot be listed. */
async function ordinalOf(client: SkillsClient, version: SkillVersion): Promise<number | undefined> {
  try {
    return (await listSkillVersions(client, version.skillId)).ordinals.get(version.id);
  } catch {
    return undefined;
  }
}

/** "Not published: … (529). Retry?" naming the folder and the skill it was going to. */
function retryMessage(folderName: string, target: PublishDestination, reason: string): string {
  return target.kind === 'new'
    ? vscode.l10n.t('Not published: {0} could not be uploaded as the new skill "{1}". {2}', folderName, target.displayName, reason)
    : vscode.l10n.t(
        'Not published: {0} could not be uploaded as a new version of "{1}". {2}',
        folderName,
        skillLabel(target.skill),
        reason,
      );
}

/** Says it worked (that it created the skill, on a first publish), with the version id one click away. */
async function announce(skill: Skill, version: SkillVersion, ordinal: number | undefined, created: boolean): Promise<void> {
  const copy = vscode.l10n.t('Copy Version ID');
  const label = versionLabel(version, new Map(ordinal === undefined ? [] : [[version.id, ordinal]]));
  const answer = await vscode.window.showInformationMessage(
    created
      ? vscode.l10n.t('Created the skill "{0}" with its first version, {1}.', skillLabel(skill), label)
      : vscode.l10n.t('Published a new version of "{0}": {1}.', skillLabel(skill), label),
    copy,
  );
  if (answer === copy) await vscode.env.clipboard.writeText(version.id);
}

function titleOf(name: string, target: PublishDestination): string {
  return target.kind === 'new'
    ? vscode.l10n.t('Publish {0} as the new skill "{1}"', name, target.displayName)
    : vscode.l10n.t('Publish {0} as a new version of "{1}"', name, target.skill.title ?? target.skill.id);
}

/** The frontmatter `name` of the folder's SKILL.md, when it has a string one. */
async function frontmatterName(folder: vscode.Uri): Promise<string | undefined> {
  const text = await fs.readFile(vscode.Uri.joinPath(folder, SKILL_MD).fsPath, 'utf8');
  const name = lastEntry(parseSkillMd(text), 'name')?.value;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

function folderName(folder: vscode.Uri): string {
  return folder.path.slice(folder.path.lastIndexOf('/') + 1);
}
