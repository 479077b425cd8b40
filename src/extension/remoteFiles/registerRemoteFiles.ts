import type * as vscode from 'vscode';
import type { Services } from '../services/services';
import { RemoteFileSystemProvider } from './remoteFileSystemProvider';

/** Registers the read-only `skillsmith-remote:` file system of downloaded versions (the tree and diffs open it). */
export function registerRemoteFiles(context: vscode.ExtensionContext, { archives }: Services): void {
  context.subscriptions.push(RemoteFileSystemProvider.register(archives));
}
