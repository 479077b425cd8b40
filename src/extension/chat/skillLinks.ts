import type * as vscode from 'vscode';
import type { ChosenSkill } from '../../core/chat/viewModel';

/**
 * The remote skill a local SKILL.md was published as. The link store that knows it is built with publish;
 * until then no folder is linked and "Test Skill in Chat" on a SKILL.md asks which remote skill to test.
 * (Offering to publish a changed draft first belongs to the same store.)
 */
export interface SkillLinks {
  /** The linked skill of the folder holding `skillMd`, or undefined when it has none. */
  linkedSkill(skillMd: vscode.Uri): Promise<(ChosenSkill & { readonly title: string }) | undefined>;
}
