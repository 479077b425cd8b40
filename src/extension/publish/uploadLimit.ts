import * as vscode from 'vscode';

/** `skillsmith.lint.uploadLimitMB` for `folder`, in bytes. */
export function uploadLimitBytes(folder: vscode.Uri): number {
  return vscode.workspace.getConfiguration('skillsmith.lint', folder).get<number>('uploadLimitMB', 30) * 1024 * 1024;
}
