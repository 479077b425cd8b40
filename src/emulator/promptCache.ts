import { createHash } from 'node:crypto';

/** How long a cached prefix lives after it was written or last read (the service's default 5-minute TTL). */
export const CACHE_TTL_MS = 5 * 60_000;
/** How many blocks before a breakpoint the service looks back for an earlier cached prefix. */
export const LOOKBACK_BLOCKS = 20;
/** The most prefixes kept; past it the oldest written is forgotten (a long-running emulator stays bounded). */
const MAX_ENTRIES = 10_000;

/**
 * One block of a request in prompt order (tools, then system, then the messages' content blocks): its JSON
 * without `cache_control`, what it counts in tokens, and whether it carries a `cache_control` breakpoint.
 */
export interface PromptSegment {
  readonly json: string;
  readonly tokens: number;
  readonly breakpoint: boolean;
}

/** The input tokens of a request, split as the service reports them (the three add up to the whole input). */
export interface CacheUsage {
  readonly input_tokens: number;
  readonly cache_creation_input_tokens: number;
  readonly cache_read_input_tokens: number;
}

/**
 * The prompt cache of the Messages routes, as the service keeps it: a prefix is cached only up to a block marked
 * with `cache_control`. A request reads the longest cached prefix that ends at a breakpoint or at one of the
 * `LOOKBACK_BLOCKS` blocks before it, and writes the prefix of each breakpoint (what lies past the part it read
 * counts as written). A prefix is the same only when every block before it is the same, byte for byte (the
 * `cache_control` marks aside). Unlike the service, no minimum length is checked, so a short test conversation
 * shows its caching.
 */
export class PromptCache {
  private readonly entries = new Map<string, number>();

  /** Reads and writes the cache for one request's segments, `scope` (model and skills) first; returns the usage. */
  use(scope: string, segments: readonly PromptSegment[], now = Date.now()): CacheUsage {
    const hashes: string[] = [];
    const totals: number[] = [];
    let hash = digest(`scope:${scope}`);
    let total = 0;
    for (const segment of segments) {
      hash = digest(`${hash}\n${segment.json}`);
      total += segment.tokens;
      hashes.push(hash);
      totals.push(total);
    }
    const breakpoints = segments.flatMap((segment, index) => (segment.breakpoint ? [index] : []));
    let read = 0;
    for (const breakpoint of breakpoints) {
      for (let index = breakpoint; index >= Math.max(0, breakpoint - LOOKBACK_BLOCKS + 1); index--) {
        if (!this.live(hashes[index] ?? '', now)) continue;
        read = Math.max(read, totals[index] ?? 0);
        this.remember(hashes[index] ?? '', now);
        break;
      }
    }
    const last = breakpoints.at(-1);
    const written = last === undefined ? 0 : Math.max(0, (totals[last] ?? 0) - read);
    for (const breakpoint of breakpoints) this.remember(hashes[breakpoint] ?? '', now);
    return { input_tokens: total - read - written, cache_creation_input_tokens: written, cache_read_input_tokens: read };
  }

  /** Forgets every cached prefix. */
  clear(): void {
    this.entries.clear();
  }

  /** Writes a prefix, or refreshes its lifetime. */
  private remember(hash: string, now: number): void {
    this.entries.delete(hash);
    this.entries.set(hash, now + CACHE_TTL_MS);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value ?? '');
  }

  private live(hash: string, now: number): boolean {
    const expires = this.entries.get(hash);
    if (expires === undefined) return false;
    if (expires > now) return true;
    this.entries.delete(hash);
    return false;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
