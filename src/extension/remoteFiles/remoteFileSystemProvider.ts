import * as vscode from 'vscode';
import { errorMessage } from '../ui/errorMessage';
import type { ArchiveEntry, VersionArchive } from '../services/caches/versionArchive';
import type { VersionArchiveCache } from '../services/caches/versionArchiveCache';
import { fromRemoteUri, REMOTE_SCHEME } from '../services/remoteUri';

/** The files of downloaded versions as a read-only file system (`skillsmith-remote:`). Every write is refused. */
export class RemoteFileSystemProvider implements vscode.FileSystemProvider {
  private readonly neverChanges = new vscode.EventEmitter<vscode.FileChangeEvent[]>();

  /** Remote versions are immutable: this never fires. */
  readonly onDidChangeFile = this.neverChanges.event;

  constructor(private readonly archives: VersionArchiveCache) {}

  /** Registers the provider for `skillsmith-remote:` as read-only. */
  static register(archives: VersionArchiveCache): vscode.Disposable {
    return vscode.workspace.registerFileSystemProvider(REMOTE_SCHEME, new RemoteFileSystemProvider(archives), {
      isReadonly: true,
      isCaseSensitive: true,
    });
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const entry = await this.entry(uri);
    return {
      type: entry.kind === 'file' ? vscode.FileType.File : vscode.FileType.Directory,
      ctime: 0,
      mtime: 0,
      size: entry.kind === 'file' ? entry.data.byteLength : 0,
      permissions: vscode.FilePermission.Readonly,
    };
  }

  async readDirectory(uri: vscode.Uri): Promise<Array<[string, vscode.FileType]>> {
    const { archive, entry } = await this.lookup(uri);
    if (entry.kind !== 'folder') throw vscode.FileSystemError.FileNotADirectory(uri);
    return entry.children.map((child) => [
      child.slice(child.lastIndexOf('/') + 1),
      archive.get(child)?.kind === 'file' ? vscode.FileType.File : vscode.FileType.Directory,
    ]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const entry = await this.entry(uri);
    if (entry.kind !== 'file') throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.data;
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(oldUri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(oldUri);
  }

  private async entry(uri: vscode.Uri): Promise<ArchiveEntry> {
    return (await this.lookup(uri)).entry;
  }

  private async lookup(uri: vscode.Uri): Promise<{ archive: VersionArchive; entry: ArchiveEntry }> {
    const location = fromRemoteUri(uri);
    let archive: VersionArchive;
    try {
      archive = await this.archives.get(location.skillId, location.versionRef);
    } catch (error) {
      throw vscode.FileSystemError.Unavailable(errorMessage(error));
    }
    const entry = archive.get(location.path);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return { archive, entry };
  }
}
