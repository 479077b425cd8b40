import type { Skill, SkillVersion } from '../../core/api/types';
import type { VersionArchive } from '../services/caches/versionArchive';
import type { Services } from '../services/services';
import { FileNode } from './nodes/fileNode';
import { GroupNode, type GroupSource } from './nodes/groupNode';
import { SkillNode } from './nodes/skillNode';
import type { TreeNode } from './nodes/treeNode';
import { VersionNode } from './nodes/versionNode';
import { pageSize, withViewProgress } from './skillsView';

const SOURCES: readonly GroupSource[] = ['custom', 'anthropic'];

/** A skill put in its group: its node, and whether the group listed it before. */
export interface PlacedSkill {
  readonly node: SkillNode;
  readonly wasListed: boolean;
}

/**
 * What the Skills view shows, loaded from the service a page at a time: the groups, their skills, versions and
 * files. Nodes are made once per skill and version and reused across refreshes, so ids and expansion stay put.
 * It never redraws: it says which nodes changed and the tree fires them.
 */
export class RemoteSkillsData {
  private groupNodes: GroupNode[];
  /** The versions whose files failed to load: a refresh redraws them so their error row can retry. */
  private readonly failedFiles = new Set<VersionNode>();

  constructor(private readonly services: Pick<Services, 'session' | 'archives'>) {
    this.groupNodes = this.createGroups();
  }

  /** "Custom" and "Anthropic", in that order. */
  get groups(): readonly GroupNode[] {
    return this.groupNodes;
  }

  /** True once some group loaded a first page. */
  get anyLoaded(): boolean {
    return this.groupNodes.some((group) => group.skills.isLoaded);
  }

  /** Forgets everything loaded, downloaded versions included (the key or the base URL changed). */
  forget(): void {
    this.groupNodes = this.createGroups();
    this.failedFiles.clear();
    this.services.archives.forget();
  }

  /** Loads the first page of every group that has none. */
  async loadGroups(): Promise<void> {
    await withViewProgress(() => Promise.all(this.groupNodes.map((group) => group.skills.ensureLoaded(pageSize()))));
  }

  /** Loads the next page under a group or a skill. */
  async loadMore(node: GroupNode | SkillNode): Promise<void> {
    await withViewProgress(() => (node instanceof GroupNode ? node.skills.loadMore(pageSize()) : node.versions.loadMore(pageSize())));
  }

  /** The nodes of a group's loaded skills, in the service's order. */
  skillNodes(group: GroupNode): SkillNode[] {
    return group.skills.items.map((skill) => this.skillNode(group, skill));
  }

  /** Loads a skill's first page of versions unless it is loaded; their nodes, newest first. */
  async versionNodes(skillNode: SkillNode): Promise<VersionNode[]> {
    await withViewProgress(() => skillNode.versions.ensureLoaded(pageSize()));
    const newestFirst = [...skillNode.versions.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return newestFirst.map((version) => this.versionNode(skillNode, version));
  }

  /** The files of a version (downloaded once) under `node`; rejects with what failed, and remembers it for a refresh. */
  async fileNodes(node: VersionNode | FileNode): Promise<FileNode[]> {
    const versionNode = node instanceof VersionNode ? node : node.version;
    let archive: VersionArchive;
    try {
      archive = await withViewProgress(() => this.services.archives.get(versionNode.version.skillId, versionNode.version.ref));
    } catch (error) {
      this.failedFiles.add(versionNode);
      throw error;
    }
    const folder = archive.get(node instanceof VersionNode ? '' : node.path);
    if (folder?.kind !== 'folder') return [];
    return folder.children.map((path) => new FileNode(node, versionNode, path, archive.get(path)?.kind === 'folder'));
  }

  /** Reloads what was loaded; resolves to the nodes whose children changed (a group, else its skills). */
  async reload(): Promise<TreeNode[]> {
    const changed: TreeNode[] = [];
    await withViewProgress(() => Promise.all(this.groupNodes.map((group) => this.reloadGroup(group, changed))));
    changed.push(...this.failedFiles);
    this.failedFiles.clear();
    return changed;
  }

  /** Drops a deleted version and reads its skill again (its latest version may have moved). */
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
  }

  /** Drops a deleted skill from its group. */
  removeSkill(node: SkillNode): void {
    node.parent.skills.remove((skill) => skill.id === node.skill.id);
    node.parent.skillNodes.delete(node.skill.id);
  }

  /** Puts a skill's latest data in its group (loading the group's first page if it never loaded). */
  async place(skill: Skill): Promise<PlacedSkill | undefined> {
    const group = this.groupNodes.find((candidate) => candidate.source === skill.source);
    if (!group) return undefined;
    await withViewProgress(() => group.skills.ensureLoaded(pageSize()));
    if (!group.skills.isLoaded) return undefined;
    const wasListed = group.skills.items.some((known) => known.id === skill.id);
    group.skills.upsert(skill);
    const node = this.skillNode(group, skill);
    node.skill = skill;
    return { node, wasListed };
  }

  /** Reads a skill again from the service (its latest version moved); the one loaded before when that fails. */
  async latestSkill(skillId: string): Promise<Skill | undefined> {
    const client = await this.client();
    return client.getSkill(skillId).catch(() => this.knownSkill(skillId));
  }

  /** The node of a skill's version, made once. */
  versionNode(skillNode: SkillNode, version: SkillVersion): VersionNode {
    const existing = skillNode.versionNodes.get(version.ref);
    if (existing) return existing;
    const created = new VersionNode(skillNode, version);
    skillNode.versionNodes.set(version.ref, created);
    return created;
  }

  /** The skill as last loaded, when some group lists it. */
  private knownSkill(skillId: string): Skill | undefined {
    return this.groupNodes.flatMap((group) => group.skills.items).find((skill) => skill.id === skillId);
  }

  private async reloadGroup(group: GroupNode, changed: TreeNode[]): Promise<void> {
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
        if (!groupChanged) changed.push(skillNode);
      }),
    );
    if (groupChanged) changed.push(group);
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
}
