import * as vscode from 'vscode';
import type { Skill, SkillVersion } from '../../../core/api/types';
import { versionOrdinals } from '../../../core/api/versionLabel';
import type { RemoteSkillItem } from '../../shared/remoteItems';
import { skillLabel } from '../../ui/labels';
import { PagedList, type PageLoader } from '../pagedList';
import { skillTooltip } from '../skillTooltip';
import type { GroupNode } from './groupNode';
import type { TreeNode } from './treeNode';
import type { VersionNode } from './versionNode';

const NO_ORDINALS: ReadonlyMap<string, number> = new Map();

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

  /**
   * Each version's ordinal (v1 the oldest) once every version is loaded; empty while the service has more, when
   * versions are named by their time alone. Made again only when the loaded versions change.
   */
  get ordinals(): ReadonlyMap<string, number> {
    const items = this.versions.hasMore ? undefined : this.versions.items;
    if (items !== this.ordinalsOf?.items) this.ordinalsOf = items && { items, ordinals: versionOrdinals(items) };
    return this.ordinalsOf?.ordinals ?? NO_ORDINALS;
  }

  private ordinalsOf: { readonly items: readonly SkillVersion[]; readonly ordinals: ReadonlyMap<string, number> } | undefined;

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
