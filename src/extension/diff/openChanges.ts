import * as vscode from 'vscode';

/** One entry of a comparison: the resource it is about, and its two sides (undefined where the file does not exist). */
export interface ChangeEntry {
  readonly resource: vscode.Uri;
  readonly original: vscode.Uri | undefined;
  readonly modified: vscode.Uri | undefined;
  /** The path shown in lists. */
  readonly label: string;
}

/**
 * Opens the comparison in VS Code's multi-file diff editor (`vscode.changes`). Where that command is missing
 * (older VS Code), the changes are listed in a quick pick and each opens in `vscode.diff` (or plainly, for an
 * added or removed file).
 */
export async function openChanges(title: string, entries: readonly ChangeEntry[]): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes('vscode.changes')) {
    await vscode.commands.executeCommand(
      'vscode.changes',
      title,
      entries.map((entry) => [entry.resource, entry.original, entry.modified]),
    );
    return;
  }
  const picked = await vscode.window.showQuickPick(
    entries.map((entry) => ({ label: entry.label, description: describe(entry), entry })),
    { title, placeHolder: vscode.l10n.t('Pick a file to compare') },
  );
  if (!picked) return;
  const { original, modified, label } = picked.entry;
  if (original && modified) await vscode.commands.executeCommand('vscode.diff', original, modified, `${label} (${title})`);
  else await vscode.commands.executeCommand('vscode.open', original ?? modified);
}

function describe(entry: ChangeEntry): string {
  if (!entry.original) return vscode.l10n.t('added');
  if (!entry.modified) return vscode.l10n.t('removed');
  return vscode.l10n.t('changed');
}
