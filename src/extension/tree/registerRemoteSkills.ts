import * as vscode from 'vscode';
import { ApiSession } from '../api/apiSession';
import { ApiKeyStore } from '../auth/apiKeyStore';
import { AuthContext } from '../auth/authContext';
import { registerAuthCommands } from '../auth/registerAuthCommands';
import { RemoteFileSystemProvider } from '../remote/remoteFileSystemProvider';
import { VersionArchiveCache } from '../remote/versionArchiveCache';
import type { CommandContext } from './commands/commandContext';
import { copyId } from './commands/copyId';
import { deleteSkill } from './commands/deleteSkill';
import { deleteVersion } from './commands/deleteVersion';
import { downloadVersion } from './commands/downloadVersion';
import { openSkillMd } from './commands/openSkillMd';
import type { GroupNode } from './nodes/groupNode';
import type { SkillNode } from './nodes/skillNode';
import type { TreeNode } from './nodes/treeNode';
import type { VersionNode } from './nodes/versionNode';
import { interactivePrompts, type Prompts } from './prompts';
import { SKILLS_VIEW_ID, SkillsTreeProvider } from './skillsTreeProvider';

/** What the remote skills feature hands to tests through `activate`'s return value. */
export interface RemoteSkills {
  readonly tree: SkillsTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  /** The published `skillsmith.auth` state. */
  readonly auth: AuthContext;
  /** The questions the commands ask; tests replace members to answer them. */
  readonly prompts: Prompts;
}

/** Registers the remote skills tree, its commands, the read-only remote file system and the API key commands. */
export function registerRemoteSkills(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): RemoteSkills {
  const keys = new ApiKeyStore(context.secrets);
  const session = new ApiSession(keys, log);
  const auth = new AuthContext(keys);
  const getClient = () => session.getClient();
  const archives = new VersionArchiveCache(getClient);
  const tree = new SkillsTreeProvider(getClient, keys, archives);
  const treeView = vscode.window.createTreeView(SKILLS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const prompts: Prompts = { ...interactivePrompts };
  const commands: CommandContext = { tree, archives, getClient, prompts, log };

  context.subscriptions.push(
    keys,
    session,
    tree,
    treeView,
    RemoteFileSystemProvider.register(archives),
    tree.onDidChangeMessage((message) => {
      treeView.message = message;
    }),
    session.onDidChange(async () => {
      await auth.update();
      tree.reset();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('skillsmith.tree.pageSize')) tree.reset();
    }),
    vscode.commands.registerCommand('skillsmith.tree.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('skillsmith.tree.loadMore', (node: GroupNode | SkillNode) => tree.loadMore(node)),
    vscode.commands.registerCommand('skillsmith.skill.copyId', (node: SkillNode | VersionNode) => copyId(node)),
    vscode.commands.registerCommand('skillsmith.version.openSkillMd', (node: VersionNode) => openSkillMd(commands, node)),
    vscode.commands.registerCommand('skillsmith.version.download', (node: VersionNode) => downloadVersion(commands, node)),
    vscode.commands.registerCommand('skillsmith.version.delete', (node: VersionNode) => deleteVersion(commands, node)),
    vscode.commands.registerCommand('skillsmith.skill.delete', (node: SkillNode) => deleteSkill(commands, node)),
    vscode.commands.registerCommand('skillsmith.log.show', () => log.show()),
  );
  registerAuthCommands(context, keys, prompts);
  void auth.update();
  return { tree, treeView, auth, prompts };
}
