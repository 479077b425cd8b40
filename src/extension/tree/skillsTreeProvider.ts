import * as vscode from 'vscode';
import type { Skill, SkillVersion } from '../../core/api/types';
import type { Services } from '../services/services';
import { FileNode } from './nodes/fileNode';
import { GroupNode } from './nodes/groupNode';
import { SkillNode } from './nodes/skillNode';
import type { TreeNode } from './nodes/treeNode';
import { VersionNode } from './nodes/versionNode';
import { RemoteSkillsData } from './remoteSkillsData';
import { errorRow, groupRows, skillRows } from './treeRows';
import { TreeViewState, type TreeErrorWelcome, type TreeState } from './treeViewState';

/**
 * The remote skills tree: "Custom" and "Anthropic" groups, skills, versions (newest first) and their files.
 * Everything loads when first expanded (`RemoteSkillsData`); a refresh reloads what was loaded and fires only
 * the nodes that changed; a failure keeps the last good data and says once what failed (`TreeViewState`).
 * Other features tell it what they created (`skillAdded`, `versionAdded`) and reveal the node it returns.
 * Whether there is a key comes from `AuthContext`, which reads the key store once per change.
 */
export class SkillsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  private readonly data: RemoteSkillsData;
  private readonly view = new TreeViewState();
  /** True until the root last returned the groups: a state change to `ok` must then redraw the root. */
  private rootWasEmpty = true;

  /** Fires with the node whose children changed, or undefined when the root did. */
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires with the text the view should show above the tree (what failed), or undefined. */
  readonly onDidChangeMessage = this.view.onDidChangeMessage;

  constructor(private readonly services: Pick<Services, 'session' | 'auth' | 'archives'>) {
    this.data = new RemoteSkillsData(services);
  }

  /** The state last published to `skillsmith.tree.state` (undefined before the first load). */
  get state(): TreeState | undefined {
    return this.view.state;
  }

  /** The error welcome last published to `skillsmith.tree.error` (undefined unless the state is `error`). */
  get errorWelcome(): TreeErrorWelcome | undefined {
    return this.view.errorWelcome;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.rootChildren();
    if (node instanceof GroupNode) return groupRows(node, this.data.skillNodes(node));
    if (node instanceof SkillNode) return skillRows(node, await this.data.versionNodes(node));
    if (node instanceof VersionNode || node instanceof FileNode)
      return this.data.fileNodes(node).catch((error: unknown) => [errorRow(node, error)]);
    return [];
  }

  /** Loads the next page under a group or a skill. */
  async loadMore(node: GroupNode | SkillNode): Promise<void> {
    await this.data.loadMore(node);
    if (node instanceof GroupNode) await this.publishState();
    this.changed.fire(node);
  }

  /** Reloads what was loaded; fires only the nodes whose data changed. */
  async refresh(): Promise<void> {
    if (!(await this.services.auth.isSignedIn()) || !this.data.anyLoaded) {
      this.reset();
      return;
    }
    const before = this.view.state;
    for (const node of await this.data.reload()) this.changed.fire(node);
    await this.publishState();
    if (this.view.state !== before) this.changed.fire(undefined);
  }

  /** Forgets everything (after the key or the base URL changed) and redraws from the root. */
  reset(): void {
    this.data.forget();
    this.view.clearMessage();
    this.changed.fire(undefined);
  }

  /** Drops a deleted version, reloads its skill (its latest version may have moved) and redraws the skill. */
  async removeVersion(node: VersionNode): Promise<void> {
    await this.data.removeVersion(node);
    this.changed.fire(node.parent);
  }

  /** Drops a deleted skill and redraws its group. */
  async removeSkill(node: SkillNode): Promise<void> {
    this.data.removeSkill(node);
    this.changed.fire(node.parent);
    if ((await this.publishState()) !== 'ok') this.changed.fire(undefined);
  }

  /**
   * Shows a skill that was just created or changed on the service (e.g. published): puts it in its group
   * (loading the group's first page if it never loaded) and redraws only that group, or only that skill when
   * it was listed already. Resolves to its node, for `treeView.reveal`; undefined when signed out or the
   * skills cannot load.
   */
  async skillAdded(skill: Skill): Promise<SkillNode | undefined> {
    const placed = await this.place(skill);
    if (placed) await this.redrawPlaced(placed.node, placed.wasListed);
    return placed?.node;
  }

  /**
   * Shows a version that was just created (e.g. published): reads its skill again (its latest version moved),
   * puts the skill in the tree if it was not there, adds the version, and redraws only that skill (or its
   * group, when the skill is new). Resolves to the version's node, for
   * `treeView.reveal(node, { select: true, focus: true })`; undefined when signed out or the skills cannot load.
   */
  async versionAdded(skillId: string, version: SkillVersion): Promise<VersionNode | undefined> {
    const skill = await this.data.latestSkill(skillId);
    const placed = skill && (await this.place(skill));
    if (!placed) return undefined;
    placed.node.versions.upsert(version);
    const node = this.data.versionNode(placed.node, version);
    await this.redrawPlaced(placed.node, placed.wasListed);
    return node;
  }

  /** Puts a skill in its group without redrawing, when signed in. */
  private async place(skill: Skill) {
    return (await this.services.auth.isSignedIn()) ? this.data.place(skill) : undefined;
  }

  /** Redraws a placed skill (or its group, when it is new there), and the root when the view was empty. */
  private async redrawPlaced(node: SkillNode, wasListed: boolean): Promise<void> {
    this.changed.fire(wasListed ? node : node.parent);
    if ((await this.publishState()) === 'ok' && this.rootWasEmpty) this.changed.fire(undefined);
  }

  private async rootChildren(): Promise<TreeNode[]> {
    this.rootWasEmpty = true;
    if (!(await this.services.auth.isSignedIn())) return [];
    await this.data.loadGroups();
    if ((await this.publishState()) !== 'ok') return [];
    this.rootWasEmpty = false;
    return [...this.data.groups];
  }

  private publishState(): Promise<TreeState> {
    return this.view.publish(this.data.groups);
  }

  dispose(): void {
    this.changed.dispose();
    this.view.dispose();
  }
}
