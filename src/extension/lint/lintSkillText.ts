import * as vscode from 'vscode';
import { lintSkillMd, type LintOptions } from '../../core/skill/lint';
import { severityOf } from '../../core/skill/rules';
import type { Diagnostic } from '../../core/skill/types';
import type { FolderListing } from './folderListings';
import { profileFor } from './profileSetting';
import { fileNameOf, isSkillMdLookalike, SKILL_MD } from './skillMdFiles';

/** The folder that holds `uri`. */
export function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

/** The options for linting `uri`: its profile setting, its folder's name and, when listed, its sibling files. */
export function lintOptionsFor(uri: vscode.Uri, listing?: FolderListing): LintOptions {
  const folderName = fileNameOf(folderOf(uri));
  return {
    profile: profileFor(uri),
    folderName: folderName === '' ? undefined : folderName,
    fileExists: listing ? (path) => listing.has(path) : undefined,
  };
}

/** Lints the text of `uri`; a mis-cased `skill.md` also gets `skill-md-case` on its first line. */
export function lintSkillText(uri: vscode.Uri, text: string, listing?: FolderListing): Diagnostic[] {
  const options = lintOptionsFor(uri, listing);
  const diagnostics = lintSkillMd(text, options);
  const caseSeverity = severityOf('skill-md-case', options.profile);
  if (isSkillMdLookalike(uri) && caseSeverity !== 'off') {
    diagnostics.unshift({
      rule: 'skill-md-case',
      severity: caseSeverity,
      message: vscode.l10n.t('This file is named {0}; skills are read only from {1}. Rename it to {1}.', fileNameOf(uri), SKILL_MD),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      fixes: [],
    });
  }
  return diagnostics;
}
