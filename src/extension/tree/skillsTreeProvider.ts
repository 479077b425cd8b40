import * as vscode from 'vscode';
import type { Skill, SkillsClient } from '../../core/api/types';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { VersionArchiveCache } from '../remote/versionArchiveCache';
import { FileNode } from './nodes/fileNode';
import { GroupNode, type GroupSource } from './nodes/groupNode';
import { SkillNode } from './nodes/skillNode';
import { ErrorNode, LoadMoreNode } from './nodes/statusNodes';
import type { TreeNode } from './nodes/treeNode';
import { VersionNode } from './nodes/versionNode';
import type { PagedList } from './pagedList';

/** The value of the `skillsmith.tree.state` context key. */
export type TreeState = 'ok' | 'empty' | 'error';

/** The id of the remote skills view. */
export const SKILLS_VIEW_ID = 'skillsmith.skills';

const SOURCES: readonly GroupSource[] = ['custom', 'anthropic'];

/**
 * The remote skills tree: "Custom" and "Anthropic" groups, skills, versions (newest first) and their files.
 * Everything loads when first expanded; a refresh reloads what was loaded and fires only the nodes that
 * changed; a failure keeps the last good data and says what failed.
 */
export class SkillsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  private readonly messageChanged = new vscode.EventEmitter<string | undefined>();
  private groups: GroupNode[] = [];
  private readonly failedFiles = new Set<VersionNode>();
  private currentState: TreeState | undefined;

  /** Fires with the node whose children changed, or undefined when the root did. */
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires with the text the view should show above the tree (what failed), or undefined. */
  readonly onDidChangeMessage = this.messageChanged.event;

  constructor(
    private readonly getClient: () => Promise<SkillsClient>,
    private readonly keys: ApiKeyStore,
    private readonly archives: VersionArchiveCache,
  ) {
    this.groups = this.createGroups();
  }

  /** The state last published to `skillsmith.tree.state` (undefined before the first load). */
  get state(): TreeState | undefined {
    return this.currentState;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.rootChildren();
    if (node instanceof GroupNode) return this.groupChildren(node);
    if (node instanceof SkillNode) return this.skillChildren(node);
    if (node instanceof VersionNode || node instanceof FileNode) return this.fileChildren(node);
    return [];
  }

  /** Loads the next page under a group or a skill. */
  async loadMore(node: GroupNode | SkillNode): Promise<void> {
    const list: PagedList<unknown> = node instanceof GroupNode ? node.skills : node.versions;
    await withViewProgress(() => list.loadMore(pageSize()));
    this.changed.fire(node);
  }

  /** Reloads what was loaded; fires only the nodes whose data changed. */
  async refresh(): Promise<void> {
    if (!(await this.keys.get()) || !this.groups.some((group) => group.skills.isLoaded)) {
      this.reset();
      return;
    }
    const before = this.currentState;
    await withViewProgress(() => Promise.all(this.groups.map((group) => this.refreshGroup(group))));
    for (const version of this.failedFiles) this.changed.fire(version);
    this.failedFiles.clear();
    await this.publishState();
    if (this.currentState !== before) this.changed.fire(undefined);
  }

  /** Forgets everything (after the key or the base URL changed) and redraws from the root. */
  reset(): void {
    this.groups = this.createGroups();
    this.failedFiles.clear();
    this.archives.forget();
    this.messageChanged.fire(undefined);
    this.changed.fire(undefined);
  }

  /** Drops a deleted version, reloads its skill (its latest version may have moved) and redraws the skill. */
  async removeVersion(node: VersionNode): Promise<void> {
    const skillNode = node.parent;
    skillNode.versions.remove((version) => version.ref === node.version.ref);
    skillNode.versionNodes.delete(node.version.ref);
    this.archives.forget(node.version.skillId, node.version.ref);
    try {
      skillNode.skill = await (await this.getClient()).getSkill(skillNode.skill.id);
    } catch {
      // The list still shows the old latest version; the next refresh corrects it.
    }
    this.changed.fire(skillNode);
  }

  /** Drops a deleted skill and redraws its group. */
  async removeSkill(node: SkillNode): Promise<void> {
    node.parent.skills.remove((skill) => skill.id === node.skill.id);
    node.parent.skillNodes.delete(node.skill.id);
    this.changed.fire(node.parent);
    if ((await this.publishState()) !== 'ok') this.changed.fire(undefined);
  }

  private async rootChildren(): Promise<TreeNode[]> {
    if (!(await this.keys.get())) return [];
    await withViewProgress(() => Promise.all(this.groups.map((group) => group.skills.ensureLoaded(pageSize()))));
    return (await this.publishState()) === 'ok' ? [...this.groups] : [];
  }

  private groupChildren(group: GroupNode): TreeNode[] {
    const nodes: TreeNode[] = group.skills.items.map((skill) => this.skillNode(group, skill));
    return [...nodes, ...statusNodes(group, group.skills)];
  }

  private async skillChildren(skillNode: SkillNode): Promise<TreeNode[]> {
    await withViewProgress(() => skillNode.versions.ensureLoaded(pageSize()));
    const newestFirst = [...skillNode.versions.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const nodes: TreeNode[] = newestFirst.map((version) => {
      const existing = skillNode.versionNodes.get(version.ref);
      if (existing) return existing;
      const created = new VersionNode(skillNode, version);
      skillNode.versionNodes.set(version.ref, created);
      return created;
    });
    return [...nodes, ...statusNodes(skillNode, skillNode.versions)];
  }

  private async fileChildren(node: VersionNode | FileNode): Promise<TreeNode[]> {
    const versionNode = node instanceof VersionNode ? node : node.version;
    try {
      const archive = await withViewProgress(() =>
        this.archives.get(versionNode.version.skillId, versionNode.version.ref),
      );
      const folder = archive.get(node instanceof VersionNode ? '' : node.path);
      if (folder?.kind !== 'folder') return [];
      return folder.children.map(
        (path) => new FileNode(node, versionNode, path, archive.get(path)?.kind === 'folder'),
      );
    } catch (error) {
      this.failedFiles.add(versionNode);
      return [new ErrorNode(node, error instanceof Error ? error.message : String(error))];
    }
  }

  private async refreshGroup(group: GroupNode): Promise<void> {
    const idsBefore = group.skills.items.map((skill) => skill.id).join('\n');
    const errorBefore = group.skills.error;
    await group.skills.reload(pageSize());
    const groupChanged = group.skills.items.map((skill) => skill.id).join('\n') !== idsBefore
      || group.skills.error !== errorBefore;
    await Promise.all(group.skills.items.map(async (skill) => {
      const skillNode = group.skillNodes.get(skill.id);
      if (!skillNode) return;
      const versionsFailed = skillNode.versions.error !== undefined;
      if (!versionsFailed && JSON.stringify(skillNode.skill) === JSON.stringify(skill)) return;
      skillNode.skill = skill;
      if (skillNode.versions.isLoaded || versionsFailed) await skillNode.versions.reload(pageSize());
      if (!groupChanged) this.changed.fire(skillNode);
    }));
    if (groupChanged) this.changed.fire(group);
  }

  private skillNode(group: GroupNode, skill: Skill): SkillNode {
    const existing = group.skillNodes.get(skill.id);
    if (existing) return existing;
    const created = new SkillNode(group, skill, async (cursor, limit) =>
      (await this.getClient()).listVersions(skill.id, { page: cursor, limit }),
    );
    group.skillNodes.set(skill.id, created);
    return created;
  }

  private createGroups(): GroupNode[] {
    return SOURCES.map((source) =>
      new GroupNode(source, async (cursor, limit) => (await this.getClient()).listSkills({ source, page: cursor, limit })),
    );
  }

  /** Works out the state and the failure message, and publishes both. */
  private async publishState(): Promise<TreeState> {
    const loaded = this.groups.filter((group) => group.skills.isLoaded);
    const state: TreeState = loaded.length === 0
      ? 'error'
      : loaded.every((group) => group.skills.items.length === 0) && this.groups.every((group) => !group.skills.error)
        ? 'empty'
        : 'ok';
    this.messageChanged.fire(this.failureMessage());
    if (state !== this.currentState) {
      this.currentState = state;
      await vscode.commands.executeCommand('setContext', 'skillsmith.tree.state', state);
    }
    return state;
  }

  /** What failed, said once: one sentence when every group failed the same way, else one per failed group. */
  private failureMessage(): string | undefined {
    const failed = this.groups.filter((group) => group.skills.error !== undefined);
    const errors = new Set(failed.map((group) => group.skills.error));
    if (failed.length === 0) return undefined;
    if (failed.length === this.groups.length && errors.size === 1) {
      return vscode.l10n.t('Could not load the skills: {0}', failed[0]?.skills.error ?? '');
    }
    return failed.map((group) => vscode.l10n.t('Could not load the {0} skills: {1}', group.label, group.skills.error ?? '')).join(' ');
  }

  dispose(): void {
    this.changed.dispose();
    this.messageChanged.dispose();
  }
}

/** A warning node when the last load failed, and "Load more…" when there is more. */
function statusNodes(parent: TreeNode, list: PagedList<unknown>): TreeNode[] {
  const nodes: TreeNode[] = [];
  if (list.error) nodes.push(new ErrorNode(parent, list.error));
  if (list.hasMore) nodes.push(new LoadMoreNode(parent));
  return nodes;
}

/** How many items a page asks for (`skillsmith.tree.pageSize`). */
function pageSize(): number {
  return vscode.workspace.getConfiguration('skillsmith.tree').get<number>('pageSize', 20);
}

/** Shows the view's progress bar while `task` runs. */
function withViewProgress<T>(task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: { viewId: SKILLS_VIEW_ID } }, task);
}
