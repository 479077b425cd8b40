import * as vscode from 'vscode';
import { collectSkillFiles, type SkillFiles } from '../../core/bundle/collectSkillFiles';
import { uploadIndexOf, type UploadIndex } from '../../core/bundle/uploadIndex';
import { Disposable } from '../shared/disposable';

/** A cap that keeps a listing cheap even when a SKILL.md sits at the root of a large tree. */
const MAX_ENTRIES = 5000;

/** A skill folder as an upload sees it (the same walk as the CLI and publish), and the index the link checks ask. */
export interface FolderListing {
  readonly files: SkillFiles;
  readonly index: UploadIndex;
}

/**
 * Lists skill folders on demand, with the core's walk (default excludes, `.skillignore`, links, secrets), and
 * caches each listing until a file under it is created, changed or deleted. `link-broken` asks "is this file in the
 * upload?" synchronously; the listing answers it.
 */
export class FolderListings extends Disposable {
  private readonly cache = new Map<string, Promise<FolderListing | undefined>>();
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());

  /** Fires with the folder whose listing was dropped because a file in it came, went or changed. */
  readonly onDidChange = this.changed.event;

  /**
   * `watcher` reports files created, changed and deleted anywhere in the workspace, also by other programs (a changed
   * `.skillignore` or a grown file changes the listing). Files that VS Code itself creates, deletes or renames (the
   * explorer, workspace edits) are followed through the workspace's file operation events as well, which do not
   * depend on the operating system's watcher keeping up.
   */
  constructor(watcher: vscode.FileSystemWatcher) {
    super();
    const invalidate = (uri: vscode.Uri): void => this.invalidate(uri);
    for (const subscription of [
      watcher.onDidCreate(invalidate),
      watcher.onDidChange(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidCreateFiles((event) => event.files.forEach(invalidate)),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach(invalidate)),
      vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri, newUri }) => [oldUri, newUri].forEach(invalidate))),
    ]) {
      this._register(subscription);
    }
  }

  /** The listing of `folder`, from the cache when possible; undefined when it cannot be read or is too big (links go unchecked). */
  get(folder: vscode.Uri): Promise<FolderListing | undefined> {
    const key = folder.toString();
    let listing = this.cache.get(key);
    if (!listing) {
      listing = listFolder(folder);
      this.cache.set(key, listing);
    }
    return listing;
  }

  /** Stops following file events and forgets every listing. */
  override dispose(): void {
    super.dispose();
    this.cache.clear();
  }

  private invalidate(uri: vscode.Uri): void {
    const path = uri.toString();
    for (const key of [...this.cache.keys()]) {
      if (path.startsWith(`${key}/`) || key.startsWith(`${path}/`) || key === path) {
        this.cache.delete(key);
        this.changed.fire(vscode.Uri.parse(key));
      }
    }
  }
}

/** The core's walk of a local folder; undefined for other file systems, unreadable folders and folders over the cap. */
async function listFolder(folder: vscode.Uri): Promise<FolderListing | undefined> {
  if (folder.scheme !== 'file') return undefined;
  try {
    const files = await collectSkillFiles(folder.fsPath, { maxEntries: MAX_ENTRIES });
    return { files, index: uploadIndexOf(files) };
  } catch {
    // A listing cut short would call files missing that exist: better not to check links at all.
    return undefined;
  }
}
