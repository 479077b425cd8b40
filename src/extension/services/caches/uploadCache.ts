import * as vscode from 'vscode';
import { fitToBudget, type CachedUpload, type CacheLimits } from './cacheBudget';

const INDEX_KEY = 'skillsmith.publish.uploads';

/** The default budget: enough for the last versions of a few skills, small next to a workspace. */
const DEFAULT_LIMITS: CacheLimits = { maxEntries: 40, maxBytes: 200 * 1024 * 1024 };

/**
 * The zips uploaded from this machine, kept in the extension's global storage so a later diff needs no
 * download (some keys get 403 on `/content`). Bounded by count and bytes, oldest out. The index lives in
 * global state; a file that has gone missing is a miss, not an error.
 */
export class UploadCache {
  private readonly folder: vscode.Uri;

  constructor(
    storage: vscode.Uri,
    private readonly state: vscode.Memento,
    private readonly limits: CacheLimits = DEFAULT_LIMITS,
  ) {
    this.folder = vscode.Uri.joinPath(storage, 'uploads');
  }

  /** Keeps the zip uploaded as `ref` of `skillId`, then drops the oldest uploads beyond the budget. */
  async put(skillId: string, ref: string, zip: Uint8Array): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    await vscode.workspace.fs.writeFile(this.fileOf(skillId, ref), zip);
    const others = this.index().filter((entry) => !(entry.skillId === skillId && entry.ref === ref));
    const { kept, evicted } = fitToBudget([...others, { skillId, ref, bytes: zip.byteLength, storedAt: Date.now() }], this.limits);
    await this.state.update(INDEX_KEY, kept);
    await Promise.all(evicted.map((entry) => this.deleteFile(entry)));
  }

  /** The zip uploaded as `ref` of `skillId`, or undefined when it is not kept here. */
  async get(skillId: string, ref: string): Promise<Uint8Array | undefined> {
    const entry = this.index().find((candidate) => candidate.skillId === skillId && candidate.ref === ref);
    if (!entry) return undefined;
    try {
      return await vscode.workspace.fs.readFile(this.fileOf(skillId, ref));
    } catch {
      await this.state.update(
        INDEX_KEY,
        this.index().filter((candidate) => candidate !== entry && !(candidate.skillId === skillId && candidate.ref === ref)),
      );
      return undefined;
    }
  }

  private index(): CachedUpload[] {
    const raw = this.state.get<unknown>(INDEX_KEY);
    return Array.isArray(raw) ? raw.filter(isCachedUpload) : [];
  }

  private fileOf(skillId: string, ref: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${encodeURIComponent(skillId)}@${encodeURIComponent(ref)}.zip`);
  }

  private async deleteFile(entry: CachedUpload): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.fileOf(entry.skillId, entry.ref));
    } catch {
      // Already gone.
    }
  }
}

function isCachedUpload(value: unknown): value is CachedUpload {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.skillId === 'string' &&
    typeof entry.ref === 'string' &&
    typeof entry.bytes === 'number' &&
    typeof entry.storedAt === 'number'
  );
}
