import type * as vscode from 'vscode';
import type { Skill, SkillVersion } from '../../core/api/types';

/** A skill of the remote skills tree, as the commands other features run on it receive it. */
export interface RemoteSkillItem {
  readonly id: string;
  readonly skill: Skill;
  /** Each listed version's ordinal within the skill (v1 the oldest), by version id: what version labels are made of. */
  readonly ordinals: ReadonlyMap<string, number>;
}

/** A version of the remote skills tree, as the commands other features run on it receive it. */
export interface RemoteVersionItem {
  readonly id: string;
  readonly parent: RemoteSkillItem;
  readonly version: SkillVersion;
  /** The `skillsmith-remote:` URI of `path` inside the version (the archive's path), named as the tree names it. */
  uriOf(path: string): vscode.Uri;
}

/** What other features may ask of the remote skills tree. */
export interface RemoteSkillsView {
  /** Fires when the tree's content changed. */
  readonly onDidChange: vscode.Event<unknown>;
  /** Tells the tree about `version`, just added to `skillId`, and reveals it, selected; rejects when it cannot. */
  revealVersion(skillId: string, version: SkillVersion): Promise<void>;
  /** Tells the tree about `version`, just added to `skillId`, leaving the side bar as it is; rejects when it cannot. */
  addVersion(skillId: string, version: SkillVersion): Promise<void>;
}
