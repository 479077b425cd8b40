import * as vscode from 'vscode';
import type { Services } from '../services/services';
import type { RemoteVersionItem } from '../shared/remoteItems';
import { compareFolderWithRemote, compareVersions, type CompareContext } from './compareCommands';

/** Registers "Compare with Remote Version…" (linked skill folders) and "Compare Versions" (the tree). */
export function registerDiff(context: vscode.ExtensionContext, services: Services): void {
  const compare: CompareContext = { services };
  context.subscriptions.push(
    vscode.commands.registerCommand('skillsmith.diff.withRemote', (uri?: vscode.Uri) => compareFolderWithRemote(compare, uri)),
    vscode.commands.registerCommand('skillsmith.diff.versions', (node: RemoteVersionItem, selected?: readonly unknown[]) => compareVersions(compare, node, selected)),
  );
}
