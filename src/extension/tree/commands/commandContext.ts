import type { Services } from '../../services/services';
import type { SkillsTreeProvider } from '../skillsTreeProvider';

/** What the tree's commands work with: the shared services and the tree. */
export interface CommandContext extends Services {
  readonly tree: SkillsTreeProvider;
}
