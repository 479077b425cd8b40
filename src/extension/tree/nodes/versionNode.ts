import * as vscode from 'vscode';
import type { SkillVersion } from '../../../core/api/types';
import type { RemoteVersionItem } from '../../shared/remoteItems';
import { toRemoteUri } from '../../services/remoteUri';
import { skillLabel, versionLabel, versionShortLabel, versionTimeLabel } from '../../ui/labels';
import { markdownText } from '../../ui/markdownText';
import { relativeTime } from '../../ui/relativeTime';
import type { SkillNode } from './skillNode';
import type { TreeNode } from './treeNode';

/**
 * One version of a skill, labelled by when it was created (its id, a long opaque `skver_…`, or the beta
 * shape's epoch label, is in the tooltip); expands to its files.
 */
export class VersionNode implements TreeNode, RemoteVersionItem {
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

  /** The `skillsmith-remote:` URI of `path` inside this version ('' is its root), named as the tree names it. */
  uriOf(path: string): vscode.Uri {
    const { skillId, ref } = this.version;
    return toRemoteUri(
      { skillId, versionRef: ref, path },
      { skill: skillLabel(this.parent.skill), version: versionShortLabel(this.version, this.parent.ordinals) },
    );
  }

  toTreeItem(): vscode.TreeItem {
    const identifier = this.version.version ?? this.version.id;
    const { ordinals } = this.parent;
    const short = versionShortLabel(this.version, ordinals);
    const item = new vscode.TreeItem(short, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = ['version', this.parent.skill.source, this.parent.deletable ? 'deletable' : ''].join(' ').trim();
    item.iconPath = new vscode.ThemeIcon(this.isLatest ? 'tag' : 'history');
    const age = relativeTime(this.version.createdAt);
    // The short name is the label, so it fits beside the inline icons; "latest" leads the description, the time
    // follows (the icons cover its end when the row is hovered or selected; the tooltip has it whole).
    const time = ordinals.has(this.version.id) ? versionTimeLabel(this.version) : undefined;
    const described = [...(this.isLatest ? [vscode.l10n.t('latest')] : []), ...(time ? [time] : [])];
    if (described.length > 0) item.description = described.join(' · ');
    const lines = [
      `**${markdownText(versionLabel(this.version, ordinals))}** — ${markdownText(this.version.name)}`,
      markdownText(this.version.description),
      [vscode.l10n.t('Created {0} ({1})', age, this.version.createdAt), vscode.l10n.t('Version: {0}', identifier)]
        .map(markdownText)
        .join('  \n'),
    ];
    item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    return item;
  }
}
