import * as vscode from 'vscode';
import type { SkillVersion } from '../../../core/api/types';
import { dateTime } from '../dateTime';
import { markdownText } from '../markdownText';
import { relativeTime } from '../relativeTime';
import type { SkillNode } from './skillNode';
import type { TreeNode } from './treeNode';

/**
 * One version of a skill, labelled by when it was created (its id, a long opaque `skver_…`, or the beta
 * shape's epoch label, is in the tooltip); expands to its files.
 */
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
    const identifier = this.version.version ?? this.version.id;
    const label = dateTime(this.version.createdAt) ?? identifier;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = ['version', this.parent.skill.source, this.parent.deletable ? 'deletable' : ''].join(' ').trim();
    item.iconPath = new vscode.ThemeIcon(this.isLatest ? 'tag' : 'history');
    const age = relativeTime(this.version.createdAt);
    if (this.isLatest) item.description = vscode.l10n.t('latest');
    const lines = [
      `**${markdownText(this.version.name)}**`,
      markdownText(this.version.description),
      [vscode.l10n.t('Created {0} ({1})', age, this.version.createdAt), vscode.l10n.t('Version: {0}', identifier)].map(markdownText).join('  \n'),
    ];
    item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    return item;
  }
}
