import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/** "Load more…" at the end of a paginated list; runs `skillsmith.tree.loadMore` on its parent. */
export class LoadMoreNode implements TreeNode {
  readonly id: string;

  constructor(readonly parent: TreeNode) {
    this.id = `${parent.id}:more`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
    item.id = this.id;
    item.contextValue = 'loadMore';
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.command = { command: 'skillsmith.tree.loadMore', title: vscode.l10n.t('Load More'), arguments: [this.parent] };
    return item;
  }
}

/**
 * What failed under a node (a skill's versions, a version's files), with a warning icon: the label is the
 * message's first sentence (what happened), the tooltip all of it; clicking it retries with a refresh.
 */
export class ErrorNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    readonly message: string,
  ) {
    this.id = `${parent.id}:error`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Could not load: {0}', firstSentence(this.message)));
    item.id = this.id;
    item.contextValue = 'error';
    item.tooltip = vscode.l10n.t('{0}\n\nClick to retry.', this.message);
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.command = { command: 'skillsmith.tree.refresh', title: vscode.l10n.t('Retry') };
    return item;
  }
}

/** "The Skills API is overloaded (529)." of "The Skills API is overloaded (529). Try again in a few minutes." */
function firstSentence(message: string): string {
  return /^.*?[.!?](?=\s|$)/s.exec(message)?.[0] ?? message;
}
