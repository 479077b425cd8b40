import * as vscode from 'vscode';
import type { SkillVersion } from '../../core/api/types';
import { collectSkillFiles } from '../../core/bundle/collectSkillFiles';
import { readFileSet, type FileSet } from '../../core/bundle/fileSet';
import type { Services } from '../services/services';
import type { RemoteVersionItem } from '../shared/remoteItems';
import { skillLabel, versionLabel } from '../ui/labels';
import { displayPath } from '../ui/displayPath';
import { showError } from '../ui/showError';
import { withCancellableProgress } from '../ui/withCancellableProgress';
import { compareFileSets, type ComparedSide, type Comparison } from './compareFileSets';
import { toMirroredRemoteUri, toRemoteUri, type RemoteNames } from '../services/remoteUri';
import { fileSetOfArchive } from '../services/caches/versionFileSet';
import { listSkillVersions } from '../services/skillVersions';

/** What the compare commands work with. */
export interface CompareContext {
  readonly services: Services;
}

/**
 * "Compare with Remote Version…" on a linked skill folder: the user picks a version of the linked skill
 * (latest first), and the folder's files (as an upload would carry them) are compared with it.
 */
export async function compareFolderWithRemote(context: CompareContext, given?: vscode.Uri): Promise<Comparison | undefined> {
  const folder = await context.services.folders.resolve(given, vscode.l10n.t('Compare which skill folder with a remote version?'));
  if (!folder) return undefined;
  const link = context.services.folders.link(folder);
  if (!link) {
    const publish = vscode.l10n.t('Publish…');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} is not linked to a remote skill yet. Publish it once to link it.', displayPath(folder)),
      publish,
    );
    if (answer === publish) await vscode.commands.executeCommand('skillsmith.publish.folder', folder);
    return undefined;
  }
  try {
    const client = await context.services.session.getClient();
    const { versions, ordinals } = await listSkillVersions(client, link.skillId);
    const version = await context.services.prompts.pickVersion(
      vscode.l10n.t('Compare {0} with a version of "{1}"', displayPath(folder), link.title),
      versions,
      versions[0]?.ref,
      ordinals,
    );
    if (!version) return undefined;
    return await withCancellableProgress(vscode.l10n.t('Comparing {0}', displayPath(folder)), async (_progress, signal) => {
      // The version's files are opened under the folder's own paths, so the diff editor pairs each file with
      // itself instead of calling it renamed.
      const files = await versionFiles(context, version, signal);
      const remote: ComparedSide = {
        files,
        uriOf: (path) =>
          toMirroredRemoteUri(
            { skillId: version.skillId, versionRef: version.ref, path: prefixOf(files) + path },
            files.folderName,
            folder,
          ),
      };
      const local = await localSide(folder, link.published?.allowedSecrets ?? []);
      return compareFileSets(vscode.l10n.t('{0} ↔ {1}', versionLabel(version, ordinals), displayPath(folder)), remote, local);
    });
  } catch (error) {
    void showError(context.services.log, vscode.l10n.t('Could not compare {0}', displayPath(folder)), error);
    return undefined;
  }
}

/**
 * "Compare Versions" in the tree: the two versions selected, older on the left; with one selected, the user
 * picks the other among the skill's versions.
 */
export async function compareVersions(
  context: CompareContext,
  node: RemoteVersionItem,
  selected?: readonly unknown[],
): Promise<Comparison | undefined> {
  const chosen = (selected ?? []).filter(isVersionNode);
  try {
    let other: SkillVersion | undefined = chosen.find((candidate) => candidate.id !== node.id)?.version;
    const { versions, ordinals } = await listSkillVersions(await context.services.session.getClient(), node.version.skillId);
    if (!other) {
      const others = versions.filter((version) => version.ref !== node.version.ref);
      if (others.length === 0) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('"{0}" has no other version to compare with.', skillLabel(node.parent.skill)),
        );
        return undefined;
      }
      other = await context.services.prompts.pickVersion(
        vscode.l10n.t('Compare {0} with…', versionLabel(node.version, ordinals)),
        others,
        versions[0]?.ref,
        ordinals,
      );
      if (!other) return undefined;
    }
    const [older, newer] = [node.version, other].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return await withCancellableProgress(vscode.l10n.t('Comparing versions'), async (_progress, signal) => {
      // Both sides' paths read the same (only their queries differ), so the diff editor pairs each file with
      // itself instead of calling it renamed.
      const title = vscode.l10n.t('{0} ↔ {1}', versionLabel(older, ordinals), versionLabel(newer, ordinals));
      const names: RemoteNames = { skill: skillLabel(node.parent.skill), version: title };
      const [before, after] = await Promise.all([remoteSide(context, older, names, signal), remoteSide(context, newer, names, signal)]);
      return compareFileSets(title, before, after);
    });
  } catch (error) {
    void showError(context.services.log, vscode.l10n.t('Could not compare the versions'), error);
    return undefined;
  }
}

/**
 * A version's files, from the upload cache or the service, opened through the read-only remote file system.
 * `names` is what the URIs' paths read as (their ids ride in the query).
 */
export async function remoteSide(
  context: CompareContext,
  version: SkillVersion,
  names: RemoteNames,
  signal: AbortSignal,
): Promise<ComparedSide> {
  const files = await versionFiles(context, version, signal);
  return {
    files,
    uriOf: (path) => toRemoteUri({ skillId: version.skillId, versionRef: version.ref, path: prefixOf(files) + path }, names),
  };
}

/** A version's files, from the upload cache or the service. */
async function versionFiles(context: CompareContext, version: SkillVersion, signal: AbortSignal): Promise<FileSet> {
  return fileSetOfArchive(await context.services.archives.get(version.skillId, version.ref, signal));
}

/** What a version's paths start with: its top-level folder and a slash, or nothing. */
function prefixOf(files: FileSet): string {
  return files.folderName ? `${files.folderName}/` : '';
}

/** The folder's files as an upload would carry them (with the secrets allowed when it was published), opened from disk. */
async function localSide(folder: vscode.Uri, allowSecrets: readonly string[]): Promise<ComparedSide> {
  const files = await readFileSet(folder.fsPath, await collectSkillFiles(folder.fsPath, { allowSecrets }));
  return { files, uriOf: (path) => vscode.Uri.joinPath(folder, ...path.split('/')) };
}

/** Tree selections hold nodes of every kind: only versions are compared. */
function isVersionNode(node: unknown): node is RemoteVersionItem {
  return (
    typeof node === 'object' &&
    node !== null &&
    typeof (node as { id?: unknown }).id === 'string' &&
    (node as { id: string }).id.startsWith('version:') &&
    'version' in node
  );
}
