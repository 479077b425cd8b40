import { cancelledError, SkillsApiError, toSkillsApiError } from './errors';
import type { SkillsClient, SkillVersion } from './types';

/** One step of `deleteSkillAndVersions`, reported before its request: a version, or (null) the skill itself. */
export interface DeleteSkillStep {
  /** The version about to be deleted, or null for the skill. */
  readonly version: SkillVersion | null;
  /** Requests done before this one. */
  readonly done: number;
  /** Every request of the workflow: the versions, then the skill. */
  readonly total: number;
}

/** Options of `deleteSkillAndVersions`. */
export interface DeleteSkillOptions {
  /** Cancels the request in flight and stops before the next one. */
  readonly signal?: AbortSignal;
  /**
   * Asked once, with every remaining version, when the service refuses to delete a skill that still has
   * versions: resolve true to delete them first. Without it they are deleted.
   */
  readonly confirmVersions?: (versions: readonly SkillVersion[]) => Promise<boolean>;
  /** Told before each request. */
  readonly onProgress?: (step: DeleteSkillStep) => void;
  /** Told after each version is gone (a cache of downloads can forget it). */
  readonly onVersionDeleted?: (version: SkillVersion) => void;
}

/** What `deleteSkillAndVersions` did. */
export type DeleteSkillResult =
  /** The skill is gone, and these versions were deleted before it (none when the service deleted it outright). */
  | { readonly deleted: true; readonly versionsDeleted: readonly SkillVersion[] }
  /** `confirmVersions` said no: nothing was deleted. */
  | { readonly deleted: false; readonly versions: readonly SkillVersion[] };

/**
 * Deletes a skill. A service that refuses (400 or 409) while versions remain gets them deleted first, one at
 * a time, then the skill; a service that deletes a skill outright just does. Rejects with `SkillsApiError`
 * only (kind `cancelled` when `signal` aborts; the versions deleted before that stay deleted).
 */
export async function deleteSkillAndVersions(
  client: SkillsClient,
  skillId: string,
  options: DeleteSkillOptions = {},
): Promise<DeleteSkillResult> {
  const { signal, onProgress } = options;
  try {
    throwIfCancelled(signal);
    if (await deletedOutright(client, skillId, signal)) return { deleted: true, versionsDeleted: [] };
    const versions = await allVersions(client, skillId, signal);
    if (options.confirmVersions && !(await options.confirmVersions(versions))) return { deleted: false, versions };
    const total = versions.length + 1;
    for (const [done, version] of versions.entries()) {
      throwIfCancelled(signal);
      onProgress?.({ version, done, total });
      await client.deleteVersion(skillId, version.ref, signal);
      options.onVersionDeleted?.(version);
    }
    throwIfCancelled(signal);
    onProgress?.({ version: null, done: versions.length, total });
    await client.deleteSkill(skillId, signal);
    return { deleted: true, versionsDeleted: versions };
  } catch (error) {
    throw toSkillsApiError(error);
  }
}

/** Tries to delete the skill: true when it is gone, false when the service refused because versions remain. */
async function deletedOutright(client: SkillsClient, skillId: string, signal: AbortSignal | undefined): Promise<boolean> {
  try {
    await client.deleteSkill(skillId, signal);
    return true;
  } catch (error) {
    if (error instanceof SkillsApiError && (error.kind === 'bad-request' || error.kind === 'conflict')) {
      const remaining = await client.listVersions(skillId, { limit: 1, signal });
      if (remaining.items.length > 0) return false;
    }
    throw error;
  }
}

async function allVersions(client: SkillsClient, skillId: string, signal: AbortSignal | undefined): Promise<SkillVersion[]> {
  const versions: SkillVersion[] = [];
  for await (const version of client.iterateVersions(skillId, { limit: 100, signal })) versions.push(version);
  return versions;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
