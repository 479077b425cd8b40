import * as vscode from 'vscode';

/** The id of the remote skills view. */
export const SKILLS_VIEW_ID = 'skillsmith.skills';

/** Shows the Skills view's progress bar while `task` runs (short work the user need not be able to cancel). */
export function withViewProgress<T>(task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: { viewId: SKILLS_VIEW_ID } }, task);
}

/** How many items a page asks for (`skillsmith.tree.pageSize`). */
export function pageSize(): number {
  return vscode.workspace.getConfiguration('skillsmith.tree').get<number>('pageSize', 20);
}
