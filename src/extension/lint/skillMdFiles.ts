import type * as vscode from 'vscode';
import { SKILL_MD_ANY_CASE_GLOB } from '../services/skillFolders/skillMdName';

/** Every file named exactly `SKILL.md`, whatever language VS Code gives it (`skill` in 1.139+, Markdown before). */
export const SKILL_MD_SELECTOR: vscode.DocumentSelector = { pattern: '**/SKILL.md' };

/** Files the linter speaks about, look-alikes included (for quick fixes such as "Rename to SKILL.md"). */
export const LINTABLE_SELECTOR: vscode.DocumentSelector = { pattern: SKILL_MD_ANY_CASE_GLOB };
