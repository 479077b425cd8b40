import * as vscode from 'vscode';

/** Registers "Show Log" (the view menus and the error welcome offer it). */
export function registerShowLogCommand(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(vscode.commands.registerCommand('skillsmith.log.show', () => log.show()));
}
