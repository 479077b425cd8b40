import * as vscode from 'vscode';
import type { Services } from '../services/services';
import type { RemoteSkillsView, RemoteVersionItem } from '../shared/remoteItems';
import { compareFolderWithRemote, compareVersions, type CompareContext } from './compareCommands';
import { restoreAsLatest } from './restoreAsLatest';

/**
 * Registers "Compare with Remote Version…" (linked skill folders), "Compare Versions" and "Restore as Latest…" (the
 * tree, which shows the restored version).
 */
export function registerDiff(context: vscode.ExtensionContext, services: Services, remote: RemoteSkillsView): void {
  const compare: CompareContext = { services };
  context.subscriptions.push(
    vscode.commands.registerCommand('skillsmith.diff.withRemote', (uri?: vscode.Uri) => compareFolderWithRemote(compare, uri)),
    vscode.commands.registerCommand('skillsmith.diff.versions', (node: RemoteVersionItem, selected?: readonly unknown[]) =>
      compareVersions(compare, node, selected),
    ),
    vscode.commands.registerCommand('skillsmith.version.restore', (node: RemoteVersionItem) => restoreAsLatest({ services, remote }, node)),
  );
}
