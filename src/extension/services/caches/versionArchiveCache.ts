import type { SkillsClient } from '../../../core/api/types';
import { readZip } from '../../../core/zip/readZip';
import { VersionArchive } from './versionArchive';

/** How many downloaded versions stay in memory. */
const CAPACITY = 4;

/** Where versions uploaded from this machine are kept (the upload cache); asked before the service. */
export interface StoredVersions {
  /** The zip of `ref` of `skillId`, or undefined when it is not kept. */
  get(skillId: string, ref: string): Promise<Uint8Array | undefined>;
}

/**
 * Reads versions on demand, from `stored` first and else from the service, and keeps the last few in memory
 * (least recently used goes first). A failed download is not cached, so the next use retries.
 */
export class VersionArchiveCache {
  private readonly archives = new Map<string, Promise<VersionArchive>>();

  constructor(
    private readonly getClient: () => Promise<SkillsClient>,
    private readonly stored?: StoredVersions,
  ) {}

  /**
   * The files of `skillId` at `versionRef`, downloaded and checked on first use. `signal` cancels the download
   * it starts (a cancelled download is not cached; a caller that shares it sees the cancel too).
   */
  get(skillId: string, versionRef: string, signal?: AbortSignal): Promise<VersionArchive> {
    const key = `${skillId}/${versionRef}`;
    const cached = this.archives.get(key);
    if (cached) {
      this.archives.delete(key);
      this.archives.set(key, cached);
      return cached;
    }
    const loading = this.download(skillId, versionRef, signal);
    this.archives.set(key, loading);
    loading.catch(() => {
      if (this.archives.get(key) === loading) this.archives.delete(key);
    });
    for (const oldest of this.archives.keys()) {
      if (this.archives.size <= CAPACITY) break;
      this.archives.delete(oldest);
    }
    return loading;
  }

  /** Forgets one version (after it was deleted) or, without arguments, everything (after a key change). */
  forget(skillId?: string, versionRef?: string): void {
    if (skillId === undefined) this.archives.clear();
    else this.archives.delete(`${skillId}/${versionRef}`);
  }

  private async download(skillId: string, versionRef: string, signal: AbortSignal | undefined): Promise<VersionArchive> {
    const kept = await this.stored?.get(skillId, versionRef);
    if (kept) return new VersionArchive(readZip(kept));
    const client = await this.getClient();
    return new VersionArchive(readZip(await client.downloadVersion(skillId, versionRef, signal)));
  }
}
