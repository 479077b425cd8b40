import * as vscode from 'vscode';
import { scaffoldEvalFiles } from './scaffoldEvalFiles';

/** Registers the eval commands: "Skillsmith: Create Eval Files". */
export function registerEvalCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(vscode.commands.registerCommand('skillsmith.evals.scaffold', (arg?: unknown) => scaffoldEvalFiles(arg, log)));
}
