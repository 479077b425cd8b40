import * as vscode from 'vscode';

/** Folders never looked into when listing a skill: they are not uploaded. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '__pycache__']);
/** Caps that keep a listing cheap even when a SKILL.md sits at the root of a large tree. */
const MAX_ENTRIES = 5000;
const MAX_DEPTH = 8;

/** The files under a skill folder, as relative POSIX paths (`scripts/run.py`). */
export type FolderListing = ReadonlySet<string>;

/**
 * Lists skill folders on demand and caches each listing until a file is created or deleted under it.
 * `link-broken` asks "does this file exist?" synchronously; the listing answers it.
 */
export class FolderListings implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<FolderListing | undefined>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];

  /** Fires with the folder whose listing was dropped because a file in it came or went. */
  readonly onDidChange = this.changed.event;

  /**
   * `watcher` reports files created and deleted anywhere in the workspace, also by other programs. Files that VS Code
   * itself creates, deletes or renames (the explorer, workspace edits) are followed through the workspace's file
   * operation events as well, which do not depend on the operating system's watcher keeping up.
   */
  constructor(watcher: vscode.FileSystemWatcher) {
    const invalidate = (uri: vscode.Uri): void => this.invalidate(uri);
    this.subscriptions = [
      watcher.onDidCreate(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidCreateFiles((event) => event.files.forEach(invalidate)),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach(invalidate)),
      vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri, newUri }) => [oldUri, newUri].forEach(invalidate))),
    ];
  }

  /** The files under `folder`, from the cache when possible; undefined when the folder cannot be read (links go unchecked). */
  get(folder: vscode.Uri): Promise<FolderListing | undefined> {
    const key = folder.toString();
    let listing = this.cache.get(key);
    if (!listing) {
      listing = listFiles(folder);
      this.cache.set(key, listing);
    }
    return listing;
  }

  /** Stops following file events and forgets every listing. */
  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
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

/** Every file under `root`, breadth first; undefined when `root` cannot be read or holds more than the cap. */
async function listFiles(root: vscode.Uri): Promise<FolderListing | undefined> {
  const files = new Set<string>();
  const queue: { uri: vscode.Uri; prefix: string; depth: number }[] = [{ uri: root, prefix: '', depth: 0 }];
  while (queue.length > 0 && files.size < MAX_ENTRIES) {
    const folder = queue.shift();
    if (!folder) break;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder.uri);
    } catch {
      if (folder.depth === 0) return undefined;
      continue;
    }
    for (const [name, type] of entries) {
      const relative = folder.prefix + name;
      files.add(relative);
      const isFolder = (type & vscode.FileType.Directory) !== 0;
      if (isFolder && !SKIPPED_FOLDERS.has(name) && folder.depth < MAX_DEPTH) {
        queue.push({ uri: vscode.Uri.joinPath(folder.uri, name), prefix: `${relative}/`, depth: folder.depth + 1 });
      }
    }
  }
  // A listing cut short by the cap would call files missing that exist: better not to check links at all.
  return queue.length > 0 ? undefined : files;
}
