import * as vscode from 'vscode';

/** The context key listing the workspace's skill folders (their file system paths), for `resourcePath in …` menus. */
export const SKILL_FOLDERS_CONTEXT = 'skillsmith.skillFolders';

/** How long after activation the first search runs: activation itself does no I/O. */
const FIRST_SEARCH_DELAY_MS = 500;

/**
 * Keeps `skillsmith.skillFolders` current: every folder that holds a `SKILL.md`, found once shortly after activation
 * and updated as SKILL.md files are created or deleted, so Explorer menus can offer skill commands on skill folders only.
 */
export function trackSkillFolders(): vscode.Disposable {
  const folders = new Set<string>();
  const publish = (): Thenable<unknown> => vscode.commands.executeCommand('setContext', SKILL_FOLDERS_CONTEXT, [...folders]);
  const watcher = vscode.workspace.createFileSystemWatcher('**/SKILL.md', false, true, false);
  const folderOf = (uri: vscode.Uri): string => vscode.Uri.joinPath(uri, '..').fsPath;
  const timer = setTimeout(() => {
    void vscode.workspace.findFiles('**/SKILL.md', '**/{node_modules,.git}/**', 5000).then((files) => {
      for (const file of files) folders.add(folderOf(file));
      void publish();
    });
  }, FIRST_SEARCH_DELAY_MS);
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate((uri) => {
      folders.add(folderOf(uri));
      void publish();
    }),
    watcher.onDidDelete((uri) => {
      folders.delete(folderOf(uri));
      void publish();
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
