import * as vscode from 'vscode';

/** Whether anything (file, folder or link) exists at `uri`. */
export function uriExists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}
