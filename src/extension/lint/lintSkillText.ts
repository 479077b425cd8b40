import * as vscode from 'vscode';
import { lintSkillMd, type LintOptions } from '../../core/skill/lint';
import { skillMdCaseDiagnostics } from '../../core/skill/skillMdName';
import type { Diagnostic } from '../../core/skill/types';
import type { FolderListing } from './folderListings';
import { profileFor } from './profileSetting';
import { fileNameOf } from './skillMdFiles';

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
  return [...skillMdCaseDiagnostics(fileNameOf(uri), options.profile), ...lintSkillMd(text, options)];
}
