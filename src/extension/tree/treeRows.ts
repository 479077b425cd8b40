import { errorMessage } from '../ui/errorMessage';
import type { GroupNode } from './nodes/groupNode';
import type { SkillNode } from './nodes/skillNode';
import { ErrorNode, LoadMoreNode } from './nodes/statusNodes';
import type { TreeNode } from './nodes/treeNode';
import type { VersionNode } from './nodes/versionNode';
import type { PagedList } from './pagedList';

/** A group's rows: its skills and "Load more…"; what failed is in the view's message, not in a row. */
export function groupRows(group: GroupNode, skills: readonly SkillNode[]): TreeNode[] {
  return group.skills.hasMore ? [...skills, new LoadMoreNode(group)] : [...skills];
}

/** A skill's rows: its versions (newest first), then a warning when the last load failed and "Load more…". */
export function skillRows(skill: SkillNode, versions: readonly VersionNode[]): TreeNode[] {
  return [...versions, ...statusRows(skill, skill.versions)];
}

/** The one row shown under a node whose children failed to load: what failed, clicking it retries. */
export function errorRow(parent: TreeNode, error: unknown): TreeNode {
  return new ErrorNode(parent, errorMessage(error));
}

/** A warning row when the last load failed, and "Load more…" when there is more. */
function statusRows<T>(parent: TreeNode, list: PagedList<T>): TreeNode[] {
  const nodes: TreeNode[] = [];
  if (list.failure) nodes.push(errorRow(parent, list.failure));
  if (list.hasMore) nodes.push(new LoadMoreNode(parent));
  return nodes;
}
