/**
 * Restoring a version: the Skills API has no "default version" (the latest is what users get), so rolling back is a
 * new version with exactly an older version's files. Shared by `skillsmith publish --from-version` and the tree's
 * *Restore as Latest…*.
 */
import { diffFileSets, type FileSetDiff } from '../bundle/diffFileSets';
import type { FileSet } from '../bundle/fileSet';
import { downloadFileSet } from './downloadFileSet';
import { SkillsApiError } from './errors';
import { publishSkill, type PublishResult } from './publishSkill';
import type { SkillsClient, SkillVersion } from './types';
import { versionOrdinals, versionTag } from './versionLabel';

/** What a restore would do: the version restored, the latest it replaces, and how their files differ. */
export interface RestorePlan {
  readonly skillId: string;
  /** Every version of the skill, for labels. */
  readonly versions: readonly SkillVersion[];
  readonly source: SkillVersion;
  readonly latest: SkillVersion;
  /** The source's files: exactly what the new version carries. */
  readonly files: FileSet;
  /** From the latest's files to the source's. */
  readonly changes: FileSetDiff;
}

/**
 * The version of `versions` that `wanted` names: its ref, its id, or its short label ("v3"); undefined when none does.
 * `versions` must be every version of the skill, as the label's ordinal counts them.
 */
export function findVersion(versions: readonly SkillVersion[], wanted: string): SkillVersion | undefined {
  const direct = versions.find((version) => version.ref === wanted || version.id === wanted);
  if (direct) return direct;
  const ordinal = /^v(\d+)$/i.exec(wanted.trim());
  if (!ordinal) return undefined;
  const ordinals = versionOrdinals(versions);
  return versions.find((version) => ordinals.get(version.id) === Number(ordinal[1]));
}

/** The newest of `versions` (the highest ordinal): what users of the skill get. */
export function latestOf(versions: readonly SkillVersion[]): SkillVersion | undefined {
  const ordinals = versionOrdinals(versions);
  return versions.find((version) => ordinals.get(version.id) === versions.length);
}

/**
 * Lists the versions of `skillId`, finds the one `wanted` names (see `findVersion`), and downloads it and the latest.
 * Rejects with `SkillsApiError` (kind `not-found`, naming the skill's labels) when no version matches.
 */
export async function planRestore(client: SkillsClient, skillId: string, wanted: string, signal?: AbortSignal): Promise<RestorePlan> {
  const versions: SkillVersion[] = [];
  for await (const version of client.iterateVersions(skillId, { signal })) versions.push(version);
  const source = findVersion(versions, wanted);
  const latest = latestOf(versions);
  if (!source || !latest) {
    const known = versions.length === 0 ? 'it has no versions' : `its versions are ${versionTag(1)} to ${versionTag(versions.length)}`;
    throw new SkillsApiError('not-found', `Skill ${skillId} has no version ${wanted}: ${known}.`);
  }
  const [files, latestFiles] = await Promise.all([
    downloadFileSet(client, skillId, source.ref, signal),
    downloadFileSet(client, skillId, latest.ref, signal),
  ]);
  return { skillId, versions, source, latest, files, changes: diffFileSets(latestFiles, files) };
}

/** Publishes the plan's files as a new version of its skill: the restored version becomes the latest. */
export function restoreVersion(
  client: SkillsClient,
  plan: Pick<RestorePlan, 'skillId' | 'files'>,
  signal?: AbortSignal,
): Promise<PublishResult> {
  return publishSkill(client, plan.files, { skillId: plan.skillId, signal });
}
