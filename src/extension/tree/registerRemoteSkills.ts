import * as vscode from 'vscode';
import type { AuthContext } from '../services/api/authContext';
import type { Services } from '../services/services';
import type { RemoteSkillsView } from '../shared/remoteItems';
import type { CommandContext } from './commands/commandContext';
import { copyId } from './commands/copyId';
import { copyVersionReference } from './commands/copyVersionReference';
import { deleteSkill } from './commands/deleteSkill';
import { deleteVersion } from './commands/deleteVersion';
import { downloadVersion } from './commands/downloadVersion';
import { openSkillMd } from './commands/openSkillMd';
import type { GroupNode } from './nodes/groupNode';
import type { SkillNode } from './nodes/skillNode';
import type { TreeNode } from './nodes/treeNode';
import type { VersionNode } from './nodes/versionNode';
import { SkillsTreeProvider } from './skillsTreeProvider';
import { SKILLS_VIEW_ID } from './skillsView';

/** The remote skills feature: the tree (which other features tell about what they added) and its view. */
export interface RemoteSkills extends RemoteSkillsView {
  readonly tree: SkillsTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  /** The published `skillsmith.auth` state. */
  readonly auth: AuthContext;
}

/** Registers the remote skills tree and its commands on the shared services. */
export function registerRemoteSkills(context: vscode.ExtensionContext, services: Services): RemoteSkills {
  const { auth } = services;
  const tree = new SkillsTreeProvider(services);
  const treeView = vscode.window.createTreeView(SKILLS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const commands: CommandContext = { ...services, tree };

  context.subscriptions.push(
    tree,
    treeView,
    tree.onDidChangeMessage((message) => {
      treeView.message = message;
    }),
    auth.onDidChange(() => tree.reset()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('skillsmith.tree.pageSize')) tree.reset();
    }),
    vscode.commands.registerCommand('skillsmith.tree.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('skillsmith.tree.loadMore', (node: GroupNode | SkillNode) => tree.loadMore(node)),
    vscode.commands.registerCommand('skillsmith.skill.copyId', (node: SkillNode | VersionNode) => copyId(node)),
    vscode.commands.registerCommand('skillsmith.version.copyReference', (node: VersionNode) => copyVersionReference(node)),
    vscode.commands.registerCommand('skillsmith.version.openSkillMd', (node: VersionNode) => openSkillMd(commands, node)),
    vscode.commands.registerCommand('skillsmith.version.download', (node: VersionNode) => downloadVersion(commands, node)),
    vscode.commands.registerCommand('skillsmith.version.delete', (node: VersionNode) => deleteVersion(commands, node)),
    vscode.commands.registerCommand('skillsmith.skill.delete', (node: SkillNode) => deleteSkill(commands, node)),
  );
  return {
    tree,
    treeView,
    auth,
    onDidChange: tree.onDidChangeTreeData,
    async revealVersion(skillId, version) {
      const node = await tree.versionAdded(skillId, version);
      if (node) await treeView.reveal(node, { select: true, focus: true, expand: false });
    },
    async addVersion(skillId, version) {
      await tree.versionAdded(skillId, version);
    },
  };
}
