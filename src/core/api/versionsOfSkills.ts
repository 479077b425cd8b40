import { forEachConcurrently } from '../async/forEachConcurrently';
import { toSkillsApiError, type SkillsApiError } from './errors';
import type { SkillsClient, SkillVersion } from './types';

/** The versions of one skill, or why they could not be listed. */
export type VersionsOutcome =
  { readonly ok: true; readonly versions: readonly SkillVersion[] } | { readonly ok: false; readonly error: SkillsApiError };

/** Options of `listVersionsOfSkills`. */
export interface VersionsOfSkillsOptions {
  /** How many skills are listed at once (default 8). */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called as each skill's versions arrive, so a tree can fill in node by node. */
  readonly onSettled?: (skillId: string, outcome: VersionsOutcome) => void;
}

/** Page size used for versions: one request covers nearly every skill. */
const VERSIONS_PAGE_SIZE = 100;

/**
 * Lists every version of many skills with a small pool of concurrent requests. One skill failing does not
 * stop the others; its outcome carries the error. Resolves to each skill's outcome, keyed by skill id.
 */
export async function listVersionsOfSkills(
  client: SkillsClient,
  skillIds: readonly string[],
  options: VersionsOfSkillsOptions = {},
): Promise<Map<string, VersionsOutcome>> {
  const outcomes = new Map<string, VersionsOutcome>();
  await forEachConcurrently(
    skillIds,
    options.concurrency ?? 8,
    async (skillId) => {
      const outcome = await versionsOf(client, skillId, options.signal);
      outcomes.set(skillId, outcome);
      options.onSettled?.(skillId, outcome);
    },
    options.signal,
  );
  return outcomes;
}

async function versionsOf(client: SkillsClient, skillId: string, signal: AbortSignal | undefined): Promise<VersionsOutcome> {
  try {
    const versions: SkillVersion[] = [];
    for await (const version of client.iterateVersions(skillId, { limit: VERSIONS_PAGE_SIZE, signal })) versions.push(version);
    return { ok: true, versions };
  } catch (error) {
    return { ok: false, error: toSkillsApiError(error) };
  }
}
