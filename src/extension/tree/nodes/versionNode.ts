import * as vscode from 'vscode';
import type { SkillVersion } from '../../../core/api/types';
import { relativeTime } from '../relativeTime';
import type { SkillNode } from './skillNode';
import type { TreeNode } from './treeNode';

/** One version of a skill; expands to its files. */
export class VersionNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: SkillNode,
    readonly version: SkillVersion,
  ) {
    this.id = `version:${version.skillId}/${version.ref}`;
  }

  /** True when the skill names this version as its latest. */
  get isLatest(): boolean {
    const latest = this.parent.skill.latestVersion;
    return latest === this.version.id || latest === this.version.ref;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.version.version ?? this.version.id, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = ['version', this.parent.skill.source, this.parent.deletable ? 'deletable' : ''].join(' ').trim();
    item.iconPath = new vscode.ThemeIcon(this.isLatest ? 'tag' : 'history');
    const age = relativeTime(this.version.createdAt);
    item.description = this.isLatest ? vscode.l10n.t('{0} · latest', age) : age;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${this.version.name}\n\n${this.version.description}\n\n`);
    tooltip.appendText(vscode.l10n.t('Created {0} ({1})', age, this.version.createdAt));
    item.tooltip = tooltip;
    return item;
  }
}
