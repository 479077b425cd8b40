import type * as vscode from 'vscode';
import type { SkillsClient } from '../../../core/api/types';
import type { VersionArchiveCache } from '../../remote/versionArchiveCache';
import type { Prompts } from '../prompts';
import type { SkillsTreeProvider } from '../skillsTreeProvider';

/** What the tree's commands work with. */
export interface CommandContext {
  readonly tree: SkillsTreeProvider;
  readonly archives: VersionArchiveCache;
  readonly getClient: () => Promise<SkillsClient>;
  readonly prompts: Prompts;
  readonly log: vscode.LogOutputChannel;
}
