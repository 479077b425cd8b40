import * as vscode from 'vscode';
import { checkUpload } from '../../core/bundle/uploadChecks';
import { lintSkillMd, type LintOptions } from '../../core/skill/lint';
import { skillMdCaseDiagnostics } from '../../core/skill/skillMdName';
import type { Diagnostic } from '../../core/skill/types';
import type { FolderListing } from './folderListings';
import type { FolderSettings } from '../services/skillFolders/skillFolders';
import { fileNameOf } from '../services/skillFolders/skillMdName';

/** The folder that holds `uri`. */
export function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

/** The options for linting `uri`: its profile setting, its folder's name and, when listed, what its upload holds. */
export function lintOptionsFor(settings: FolderSettings, uri: vscode.Uri, listing?: FolderListing): LintOptions {
  const folderName = fileNameOf(folderOf(uri));
  return {
    profile: settings.profileOf(uri),
    folderName: folderName === '' ? undefined : folderName,
    fileExists: listing?.index.has,
    leftOutReason: listing?.index.leftOutReason,
  };
}

/**
 * Lints the text of `uri`; a mis-cased `skill.md` also gets `skill-md-case` on its first line, and a listed folder
 * the upload rules (size against `skillsmith.lint.uploadLimitMB`, secrets, links, excluded files), as the CLI reports them.
 */
export function lintSkillText(settings: FolderSettings, uri: vscode.Uri, text: string, listing?: FolderListing): Diagnostic[] {
  const options = lintOptionsFor(settings, uri, listing);
  const upload = listing ? checkUpload(listing.files, options.profile, settings.uploadLimitOf(uri)) : [];
  return [...skillMdCaseDiagnostics(fileNameOf(uri), options.profile), ...lintSkillMd(text, options), ...upload];
}
