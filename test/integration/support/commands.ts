import * as vscode from 'vscode';

/** Runs a `vscode.Command` (a quick fix's, a tree item's) as the workbench does: its id, with its arguments. */
export function runCommand<T = unknown>(command: vscode.Command): Thenable<T> {
  const args: readonly unknown[] = command.arguments ?? [];
  return vscode.commands.executeCommand<T>(command.command, ...args);
}
