import * as vscode from 'vscode';
import type { FolderListings } from './folderListings';
import { folderOf } from './lintSkillText';
import { LINT_SETTINGS } from '../services/skillFolders/lintSettings';
import type { SkillDiagnostics } from './skillDiagnostics';
import { isLintable } from '../services/skillFolders/skillMdName';

/**
 * Keeps diagnostics current: lint on open and while typing, `onClosed` on close, clear on delete, lint again when
 * a lint setting changes or a file beside a SKILL.md appears, changes or disappears.
 */
export function lintTriggers(
  diagnostics: SkillDiagnostics,
  listings: FolderListings,
  watcher: vscode.FileSystemWatcher,
  /** What happens to a closed SKILL.md's entries (the background lint lints it from disk). */
  onClosed: (uri: vscode.Uri) => Promise<unknown>,
): vscode.Disposable[] {
  const scheduleIfLintable = (document: vscode.TextDocument): void => {
    if (isLintable(document.uri)) diagnostics.schedule(document);
  };
  // Documents already open when the extension activates: linted on the first timer tick, not inside activate().
  vscode.workspace.textDocuments.forEach(scheduleIfLintable);
  return [
    vscode.workspace.onDidOpenTextDocument(scheduleIfLintable),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) scheduleIfLintable(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (isLintable(document.uri)) void onClosed(document.uri);
    }),
    watcher.onDidDelete((uri) => diagnostics.clear(uri)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(LINT_SETTINGS)) diagnostics.relintAll();
    }),
    listings.onDidChange((folder) => {
      vscode.workspace.textDocuments
        .filter((document) => isLintable(document.uri) && folderOf(document.uri).toString() === folder.toString())
        .forEach((document) => diagnostics.schedule(document));
    }),
  ];
}
