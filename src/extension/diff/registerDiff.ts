import * as vscode from 'vscode';
import type { PublishFeature } from '../publish/registerPublish';
import type { Services } from '../services/services';
import type { VersionNode } from '../tree/nodes/versionNode';
import { compareFolderWithRemote, compareVersions, type CompareContext } from './compareCommands';

/** Registers "Compare with Remote Version…" (linked skill folders) and "Compare Versions" (the tree). */
export function registerDiff(context: vscode.ExtensionContext, services: Services, publish: PublishFeature): void {
  const compare: CompareContext = { services, publish };
  context.subscriptions.push(
    vscode.commands.registerCommand('skillsmith.diff.withRemote', (uri?: vscode.Uri) => compareFolderWithRemote(compare, uri)),
    vscode.commands.registerCommand('skillsmith.diff.versions', (node: VersionNode, selected?: readonly unknown[]) => compareVersions(compare, node, selected)),
  );
}
