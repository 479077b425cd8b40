import * as vscode from 'vscode';
import type { Skill } from '../../../core/api/types';
import { PagedList, type PageLoader } from '../pagedList';
import type { TreeNode } from './treeNode';
import type { SkillNode } from './skillNode';

/** The sources the tree groups skills by. */
export type GroupSource = 'custom' | 'anthropic';

/** "Custom" or "Anthropic": the skills of one source, paginated. */
export class GroupNode implements TreeNode {
  readonly id: string;
  readonly parent = undefined;
  /** The skills loaded so far. */
  readonly skills: PagedList<Skill>;
  /** The node of each loaded skill by id, reused across refreshes so ids and expansion stay put. */
  readonly skillNodes = new Map<string, SkillNode>();

  constructor(
    readonly source: GroupSource,
    loader: PageLoader<Skill>,
  ) {
    this.id = `group:${source}`;
    this.skills = new PagedList(loader, (skill) => skill.id);
  }

  /** "Custom" or "Anthropic", as the tree shows it. */
  get label(): string {
    return this.source === 'custom' ? vscode.l10n.t('Custom') : vscode.l10n.t('Anthropic');
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.contextValue = `group ${this.source}`;
    item.iconPath = new vscode.ThemeIcon(this.source === 'custom' ? 'account' : 'verified');
    if (this.skills.isLoaded && this.skills.items.length === 0) item.description = vscode.l10n.t('none');
    // What failed is said once, in the view's message; the group only says that it is not up to date.
    if (this.skills.failure) item.description = this.skills.isLoaded ? vscode.l10n.t('not refreshed') : vscode.l10n.t('not loaded');
    return item;
  }
}
