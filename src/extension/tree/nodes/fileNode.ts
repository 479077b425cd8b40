import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';
import type { VersionNode } from './versionNode';

/** A file or folder inside a downloaded version; a file opens read-only. */
export class FileNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: VersionNode | FileNode,
    readonly version: VersionNode,
    /** The path inside the archive. */
    readonly path: string,
    readonly isFolder: boolean,
  ) {
    this.id = `file:${version.version.skillId}/${version.version.ref}/${path}`;
  }

  /** The `skillsmith-remote:` URI of this entry. */
  get uri(): vscode.Uri {
    return this.version.uriOf(this.path);
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.uri,
      this.isFolder ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.contextValue = this.isFolder ? 'remoteFolder' : 'remoteFile';
    if (!this.isFolder) {
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [this.uri] };
    }
    return item;
  }
}
