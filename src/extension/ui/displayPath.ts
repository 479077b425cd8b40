import * as vscode from 'vscode';

/**
 * A file or folder as the user sees it: relative to the workspace ("release-notes/SKILL.md"); a workspace
 * folder itself by its name; outside the workspace, its path.
 */
export function displayPath(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder && folder.uri.toString() === uri.toString()) return folder.name;
  return vscode.workspace.asRelativePath(uri, false);
}
