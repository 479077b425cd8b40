import * as vscode from 'vscode';

/** A skill folder offered in a quick pick. */
interface SkillFolderPick extends vscode.QuickPickItem {
  readonly folder: vscode.Uri;
}

/**
 * The skill folder a command is about: the folder it was run on (Explorer), the folder of the SKILL.md it was run on
 * (Explorer, editor title), the active editor's SKILL.md folder, else the user's pick among the workspace's skill
 * folders. Undefined when there is none or the user cancels.
 */
export async function resolveSkillFolder(arg: vscode.Uri | undefined, title: string): Promise<vscode.Uri | undefined> {
  const given = arg ?? vscode.window.activeTextEditor?.document.uri;
  if (given?.scheme === 'file') {
    const stat = await vscode.workspace.fs.stat(given).then(
      (found) => found,
      () => undefined,
    );
    if (stat && (stat.type & vscode.FileType.Directory) !== 0) return given;
    if (stat && given.path.toLowerCase().endsWith('/skill.md')) return vscode.Uri.joinPath(given, '..');
  }
  const skillFiles = await vscode.workspace.findFiles('**/SKILL.md', '**/{node_modules,.git}/**', 500);
  const picks: SkillFolderPick[] = skillFiles
    .map((file) => vscode.Uri.joinPath(file, '..'))
    .map((folder) => ({ label: `$(folder) ${folder.path.slice(folder.path.lastIndexOf('/') + 1)}`, description: vscode.workspace.asRelativePath(folder, true), folder }))
    .sort((a, b) => a.description.localeCompare(b.description));
  if (picks.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No skill folder (a folder with a SKILL.md) was found in this workspace.'));
    return undefined;
  }
  if (picks.length === 1) return picks[0].folder;
  return (await vscode.window.showQuickPick(picks, { title, matchOnDescription: true }))?.folder;
}
