/** One stored upload, as the upload cache's index records it. */
export interface CachedUpload {
  readonly skillId: string;
  readonly ref: string;
  readonly bytes: number;
  /** When it was stored (ms since the epoch). */
  readonly storedAt: number;
}

/** How much the upload cache may hold. */
export interface CacheLimits {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

/**
 * Splits `entries` into what stays and what goes so that at most `maxEntries` entries and `maxBytes` bytes
 * stay: the oldest go first. An entry larger than `maxBytes` on its own goes too.
 */
export function fitToBudget(entries: readonly CachedUpload[], limits: CacheLimits): { kept: CachedUpload[]; evicted: CachedUpload[] } {
  const newestFirst = [...entries].sort((a, b) => b.storedAt - a.storedAt);
  const kept: CachedUpload[] = [];
  const evicted: CachedUpload[] = [];
  let total = 0;
  for (const entry of newestFirst) {
    if (kept.length < limits.maxEntries && total + entry.bytes <= limits.maxBytes) {
      kept.push(entry);
      total += entry.bytes;
    } else {
      evicted.push(entry);
    }
  }
  return { kept: kept.reverse(), evicted };
}
