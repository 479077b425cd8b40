import * as vscode from 'vscode';
import type { Skill, SkillVersion } from '../../core/api/types';
import type { Services } from '../services/services';
import { apiErrorKind, errorMessage } from '../ui/errorMessage';
import { FileNode } from './nodes/fileNode';
import { GroupNode, type GroupSource } from './nodes/groupNode';
import { SkillNode } from './nodes/skillNode';
import { ErrorNode, LoadMoreNode } from './nodes/statusNodes';
import type { TreeNode } from './nodes/treeNode';
import { VersionNode } from './nodes/versionNode';
import type { PagedList } from './pagedList';

/** The value of the `skillsmith.tree.state` context key. */
export type TreeState = 'ok' | 'empty' | 'error';

/**
 * The value of the `skillsmith.tree.error` context key while the state is `error`: which welcome explains
 * the failure (VS Code shows welcome content only while the view has no message, so the welcome says it).
 */
export type TreeErrorWelcome = 'auth' | 'permission' | 'offline' | 'overloaded' | 'rate-limited' | 'server' | 'other';

/** The id of the remote skills view. */
export const SKILLS_VIEW_ID = 'skillsmith.skills';

/** Shows the Skills view's progress bar while `task` runs (short work the user need not be able to cancel). */
export function withViewProgress<T>(task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: { viewId: SKILLS_VIEW_ID } }, task);
}

const SOURCES: readonly GroupSource[] = ['custom', 'anthropic'];

/**
 * The remote skills tree: "Custom" and "Anthropic" groups, skills, versions (newest first) and their files.
 * Everything loads when first expanded; a refresh reloads what was loaded and fires only the nodes that
 * changed; a failure keeps the last good data and says once what failed: in the view's message while
 * groups are shown, in the error welcome (chosen by `skillsmith.tree.error`) when nothing could load.
 * Other features tell it what they created (`skillAdded`, `versionAdded`) and reveal the node it returns.
 */
export class SkillsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  private readonly messageChanged = new vscode.EventEmitter<string | undefined>();
  private groups: GroupNode[] = [];
  private readonly failedFiles = new Set<VersionNode>();
  private currentState: TreeState | undefined;
  private currentWelcome: TreeErrorWelcome | undefined;
  /** True until the root last returned the groups: a state change to `ok` must then redraw the root. */
  private rootWasEmpty = true;

  /** Fires with the node whose children changed, or undefined when the root did. */
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires with the text the view should show above the tree (what failed), or undefined. */
  readonly onDidChangeMessage = this.messageChanged.event;

  constructor(private readonly services: Pick<Services, 'session' | 'keys' | 'archives'>) {
    this.groups = this.createGroups();
  }

  /** The state last published to `skillsmith.tree.state` (undefined before the first load). */
  get state(): TreeState | undefined {
    return this.currentState;
  }

  /** The error welcome last published to `skillsmith.tree.error` (undefined unless the state is `error`). */
  get errorWelcome(): TreeErrorWelcome | undefined {
    return this.currentWelcome;
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
    await withViewProgress(() => (node instanceof GroupNode ? node.skills.loadMore(pageSize()) : node.versions.loadMore(pageSize())));
    if (node instanceof GroupNode) await this.publishState();
    this.changed.fire(node);
  }

  /** Reloads what was loaded; fires only the nodes whose data changed. */
  async refresh(): Promise<void> {
    if (!(await this.services.keys.get()) || !this.groups.some((group) => group.skills.isLoaded)) {
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
    this.services.archives.forget();
    this.messageChanged.fire(undefined);
    this.changed.fire(undefined);
  }

  /** Drops a deleted version, reloads its skill (its latest version may have moved) and redraws the skill. */
  async removeVersion(node: VersionNode): Promise<void> {
    const skillNode = node.parent;
    skillNode.versions.remove((version) => version.ref === node.version.ref);
    skillNode.versionNodes.delete(node.version.ref);
    this.services.archives.forget(node.version.skillId, node.version.ref);
    try {
      skillNode.skill = await (await this.client()).getSkill(skillNode.skill.id);
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
    const skill = await (await this.client()).getSkill(skillId).catch(() => this.knownSkill(skillId));
    const placed = skill && (await this.place(skill));
    if (!placed) return undefined;
    placed.node.versions.upsert(version);
    const node = this.versionNode(placed.node, version);
    await this.redrawPlaced(placed.node, placed.wasListed);
    return node;
  }

  /** Puts a skill's latest data in its group without redrawing; says whether the group listed it before. */
  private async place(skill: Skill): Promise<{ node: SkillNode; wasListed: boolean } | undefined> {
    const group = this.groups.find((candidate) => candidate.source === skill.source);
    if (!group || !(await this.services.keys.get())) return undefined;
    await withViewProgress(() => group.skills.ensureLoaded(pageSize()));
    if (!group.skills.isLoaded) return undefined;
    const wasListed = group.skills.items.some((known) => known.id === skill.id);
    group.skills.upsert(skill);
    const node = this.skillNode(group, skill);
    node.skill = skill;
    return { node, wasListed };
  }

  /** Redraws a placed skill (or its group, when it is new there), and the root when the view was empty. */
  private async redrawPlaced(node: SkillNode, wasListed: boolean): Promise<void> {
    this.changed.fire(wasListed ? node : node.parent);
    if ((await this.publishState()) === 'ok' && this.rootWasEmpty) this.changed.fire(undefined);
  }

  private async rootChildren(): Promise<TreeNode[]> {
    this.rootWasEmpty = true;
    if (!(await this.services.keys.get())) return [];
    await withViewProgress(() => Promise.all(this.groups.map((group) => group.skills.ensureLoaded(pageSize()))));
    if ((await this.publishState()) !== 'ok') return [];
    this.rootWasEmpty = false;
    return [...this.groups];
  }

  /** A group's skills and "Load more…"; what failed is in the view's message, not in a row. */
  private groupChildren(group: GroupNode): TreeNode[] {
    const nodes: TreeNode[] = group.skills.items.map((skill) => this.skillNode(group, skill));
    return group.skills.hasMore ? [...nodes, new LoadMoreNode(group)] : nodes;
  }

  private async skillChildren(skillNode: SkillNode): Promise<TreeNode[]> {
    await withViewProgress(() => skillNode.versions.ensureLoaded(pageSize()));
    const newestFirst = [...skillNode.versions.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const nodes: TreeNode[] = newestFirst.map((version) => this.versionNode(skillNode, version));
    return [...nodes, ...statusNodes(skillNode, skillNode.versions)];
  }

  private versionNode(skillNode: SkillNode, version: SkillVersion): VersionNode {
    const existing = skillNode.versionNodes.get(version.ref);
    if (existing) return existing;
    const created = new VersionNode(skillNode, version);
    skillNode.versionNodes.set(version.ref, created);
    return created;
  }

  /** The skill as last loaded, when some group lists it. */
  private knownSkill(skillId: string): Skill | undefined {
    return this.groups.flatMap((group) => group.skills.items).find((skill) => skill.id === skillId);
  }

  private async fileChildren(node: VersionNode | FileNode): Promise<TreeNode[]> {
    const versionNode = node instanceof VersionNode ? node : node.version;
    try {
      const archive = await withViewProgress(() => this.services.archives.get(versionNode.version.skillId, versionNode.version.ref));
      const folder = archive.get(node instanceof VersionNode ? '' : node.path);
      if (folder?.kind !== 'folder') return [];
      return folder.children.map((path) => new FileNode(node, versionNode, path, archive.get(path)?.kind === 'folder'));
    } catch (error) {
      this.failedFiles.add(versionNode);
      return [new ErrorNode(node, errorMessage(error))];
    }
  }

  private async refreshGroup(group: GroupNode): Promise<void> {
    const idsBefore = group.skills.items.map((skill) => skill.id).join('\n');
    const failedBefore = group.skills.failure !== undefined;
    await group.skills.reload(pageSize());
    const groupChanged =
      group.skills.items.map((skill) => skill.id).join('\n') !== idsBefore || (group.skills.failure !== undefined) !== failedBefore;
    await Promise.all(
      group.skills.items.map(async (skill) => {
        const skillNode = group.skillNodes.get(skill.id);
        if (!skillNode) return;
        const versionsFailed = skillNode.versions.failure !== undefined;
        if (!versionsFailed && JSON.stringify(skillNode.skill) === JSON.stringify(skill)) return;
        skillNode.skill = skill;
        if (skillNode.versions.isLoaded || versionsFailed) await skillNode.versions.reload(pageSize());
        if (!groupChanged) this.changed.fire(skillNode);
      }),
    );
    if (groupChanged) this.changed.fire(group);
  }

  private skillNode(group: GroupNode, skill: Skill): SkillNode {
    const existing = group.skillNodes.get(skill.id);
    if (existing) return existing;
    const created = new SkillNode(group, skill, async (cursor, limit) =>
      (await this.client()).listVersions(skill.id, { page: cursor, limit }),
    );
    group.skillNodes.set(skill.id, created);
    return created;
  }

  private createGroups(): GroupNode[] {
    return SOURCES.map(
      (source) => new GroupNode(source, async (cursor, limit) => (await this.client()).listSkills({ source, page: cursor, limit })),
    );
  }

  private client() {
    return this.services.session.getClient();
  }

  /**
   * Works out the state and publishes it with what failed: the view's message while groups show (VS Code
   * then hides every welcome), the welcome's kind in `skillsmith.tree.error` when nothing could load.
   */
  private async publishState(): Promise<TreeState> {
    const loaded = this.groups.filter((group) => group.skills.isLoaded);
    const state: TreeState =
      loaded.length === 0
        ? 'error'
        : loaded.every((group) => group.skills.items.length === 0) && this.groups.every((group) => !group.skills.failure)
          ? 'empty'
          : 'ok';
    this.messageChanged.fire(state === 'error' ? undefined : this.failureMessage());
    const welcome = state === 'error' ? errorWelcome(this.groups.find((group) => group.skills.failure)?.skills.failure) : undefined;
    if (welcome !== this.currentWelcome) {
      this.currentWelcome = welcome;
      await vscode.commands.executeCommand('setContext', 'skillsmith.tree.error', welcome);
    }
    if (state !== this.currentState) {
      this.currentState = state;
      await vscode.commands.executeCommand('setContext', 'skillsmith.tree.state', state);
    }
    return state;
  }

  /** What failed, said once: one sentence when every group failed the same way, else one per failed group. */
  private failureMessage(): string | undefined {
    const failed = this.groups.flatMap((group) => (group.skills.failure ? [{ group, message: errorMessage(group.skills.failure) }] : []));
    if (failed.length === 0) return undefined;
    if (failed.length === this.groups.length && new Set(failed.map(({ message }) => message)).size === 1) {
      return vscode.l10n.t('Could not load the skills: {0}', failed[0]?.message ?? '');
    }
    return failed.map(({ group, message }) => vscode.l10n.t('Could not load the {0} skills: {1}', group.label, message)).join(' ');
  }

  dispose(): void {
    this.changed.dispose();
    this.messageChanged.dispose();
  }
}

/** Which error welcome explains a failure to load anything. */
function errorWelcome(failure: Error | undefined): TreeErrorWelcome {
  const kind = apiErrorKind(failure);
  switch (kind) {
    case 'auth':
      return 'auth';
    case 'permission':
      return 'permission';
    case 'offline':
    case 'timeout':
      return 'offline';
    case 'overloaded':
    case 'rate-limited':
    case 'server':
      return kind;
    default:
      return 'other';
  }
}

/** A warning node when the last load failed, and "Load more…" when there is more. */
function statusNodes<T>(parent: TreeNode, list: PagedList<T>): TreeNode[] {
  const nodes: TreeNode[] = [];
  if (list.failure) nodes.push(new ErrorNode(parent, errorMessage(list.failure)));
  if (list.hasMore) nodes.push(new LoadMoreNode(parent));
  return nodes;
}

/** How many items a page asks for (`skillsmith.tree.pageSize`). */
function pageSize(): number {
  return vscode.workspace.getConfiguration('skillsmith.tree').get<number>('pageSize', 20);
}
