import * as vscode from 'vscode';
import { fixAll } from '../../core/skill/fixAll';
import type { FolderListing } from './folderListings';
import { lintOptionsFor } from './lintSkillText';
import type { FolderSettings } from '../services/skillFolders/skillFolders';

/** One edit that applies every text fix to `document`, or `undefined` when there is nothing to fix. */
export function fixAllEdit(
  settings: FolderSettings,
  document: vscode.TextDocument,
  listing?: FolderListing,
): vscode.WorkspaceEdit | undefined {
  const text = document.getText();
  const fixed = fixAll(text, lintOptionsFor(settings, document.uri, listing));
  if (fixed === text) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), fixed);
  return edit;
}
