import type * as vscode from 'vscode';

/** What every node of the remote skills tree can do: render itself and name its parent (for `reveal`). */
export interface TreeNode {
  /** Stable across refreshes, so VS Code keeps expansion and selection. */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  toTreeItem(): vscode.TreeItem;
}
