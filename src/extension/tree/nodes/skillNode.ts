import * as vscode from 'vscode';
import type { Skill, SkillVersion } from '../../../core/api/types';
import type { RemoteSkillItem } from '../../shared/remoteItems';
import { skillLabel } from '../../ui/labels';
import { PagedList, type PageLoader } from '../pagedList';
import { skillTooltip } from '../skillTooltip';
import type { GroupNode } from './groupNode';
import type { TreeNode } from './treeNode';
import type { VersionNode } from './versionNode';

/** One skill; expands to its versions, newest first. */
export class SkillNode implements TreeNode, RemoteSkillItem {
  readonly id: string;
  /** The versions loaded so far. */
  readonly versions: PagedList<SkillVersion>;
  /** The node of each loaded version by ref, reused while the skill is unchanged. */
  readonly versionNodes = new Map<string, VersionNode>();

  constructor(
    readonly parent: GroupNode,
    public skill: Skill,
    loader: PageLoader<SkillVersion>,
  ) {
    this.id = `skill:${skill.id}`;
    this.versions = new PagedList(loader, (version) => version.ref);
  }

  /** Only custom skills can be deleted. */
  get deletable(): boolean {
    return this.skill.source === 'custom';
  }

  /** True once the versions loaded and there are none (all were deleted). */
  get hasNoVersions(): boolean {
    return this.versions.isLoaded && this.versions.items.length === 0 && !this.versions.failure;
  }

  toTreeItem(): vscode.TreeItem {
    const collapsible = this.hasNoVersions ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(skillLabel(this.skill), collapsible);
    item.id = this.id;
    if (this.hasNoVersions) item.description = vscode.l10n.t('no versions');
    item.contextValue = ['skill', this.skill.source, this.deletable ? 'deletable' : ''].join(' ').trim();
    item.iconPath = new vscode.ThemeIcon('symbol-module');
    item.tooltip = skillTooltip(this.skill);
    return item;
  }
}
