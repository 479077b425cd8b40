import type * as vscode from 'vscode';
import type { ChosenSkill } from '../../core/chat/viewModel';

/** What "Test Skill in Chat" on a skill folder or its SKILL.md starts with. */
export type LinkedSkill =
  /** The remote skill the folder is linked to, at the version published from it (or one published now). */
  | { readonly kind: 'linked'; readonly skill: ChosenSkill & { readonly title: string; readonly version: string } }
  /** The folder is not linked yet: the user picks the remote skill to test. */
  | { readonly kind: 'unlinked'; readonly folder: vscode.Uri }
  /** The user cancelled (a question, or the publish it asked for). */
  | { readonly kind: 'cancelled' };

/** The remote skill a local skill folder was published as (publish's links, through the skill folders). */
export interface SkillLinks {
  /** What to test for `target`, a skill folder or its SKILL.md; asks to publish first when the folder changed since. */
  linkedSkill(target: vscode.Uri): Promise<LinkedSkill>;
}
