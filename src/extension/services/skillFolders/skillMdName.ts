import type * as vscode from 'vscode';
import { SKILL_MD } from '../../../core/skill/skillMdName';

/** `SKILL.md` and its mis-cased look-alikes (`skill.md`, `Skill.md`), which `skill-md-case` reports. */
export const SKILL_MD_ANY_CASE_GLOB = '**/[sS][kK][iI][lL][lL].[mM][dD]';

/** The last path segment of `uri`. */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Whether `uri` names a `SKILL.md` file, spelled exactly so (what makes its folder a skill folder). */
export function isSkillMd(uri: vscode.Uri): boolean {
  return fileNameOf(uri) === SKILL_MD;
}

/** Whether `uri` names a mis-cased look-alike such as `skill.md` or `Skill.md`. */
export function isSkillMdLookalike(uri: vscode.Uri): boolean {
  const name = fileNameOf(uri);
  return name !== SKILL_MD && name.toUpperCase() === SKILL_MD.toUpperCase();
}

/** Whether the linter has something to say about `uri`: a `SKILL.md` or a look-alike. */
export function isLintable(uri: vscode.Uri): boolean {
  return uri.scheme !== 'git' && uri.scheme !== 'output' && (isSkillMd(uri) || isSkillMdLookalike(uri));
}
