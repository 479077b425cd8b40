import * as vscode from 'vscode';
import { ApiSession } from './api/apiSession';
import { ApiKeyStore } from './api/apiKeyStore';
import { AuthContext } from './api/authContext';
import { UploadCache } from './caches/uploadCache';
import { VersionArchiveCache } from './caches/versionArchiveCache';
import { interactivePrompts, type Prompts } from '../ui/prompts';
import { LinkStore } from './skillFolders/linkStore';

/**
 * What every feature (tree, publish, diff, chat) is built from: made once by `activate`, handed to each
 * `registerX`, so features are siblings and none of them owns another's plumbing.
 */
export interface Services {
  /** The "Skillsmith" log channel. */
  readonly log: vscode.LogOutputChannel;
  /** The API key (SecretStorage, then `ANTHROPIC_API_KEY`). */
  readonly keys: ApiKeyStore;
  /** The Skills client and the SDK for the current key and settings, made on first use. */
  readonly session: ApiSession;
  /** The published `skillsmith.auth` state; `onDidChange` says when the connection changed. */
  readonly auth: AuthContext;
  /** The questions features ask the user (dialogs, input boxes, pickers). */
  readonly prompts: Prompts;
  /** Downloaded versions in memory, behind the read-only remote file system. */
  readonly archives: VersionArchiveCache;
  /** The zips published from this machine, in global storage; `archives` asks it before the service. */
  readonly uploads: UploadCache;
  /** Which remote skill each local skill folder is linked to, and the version published from it. */
  readonly links: LinkStore;
}

/**
 * Makes the shared services; no I/O (the key is read and the SDK loaded on first use). Everything is
 * disposed through `context.subscriptions`. In `ExtensionMode.Test` the prompts are a private copy the
 * integration tests may answer; otherwise they are frozen.
 */
export function createServices(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Services {
  const keys = new ApiKeyStore(context.secrets);
  const session = new ApiSession(keys, log);
  const auth = new AuthContext(keys, session);
  const uploads = new UploadCache(context.globalStorageUri, context.globalState);
  const archives = new VersionArchiveCache(() => session.getClient(), uploads);
  const links = new LinkStore(context.workspaceState);
  const prompts: Prompts = context.extensionMode === vscode.ExtensionMode.Test
    ? { ...interactivePrompts }
    : interactivePrompts;
  context.subscriptions.push(keys, session, auth, links);
  return { log, keys, session, auth, prompts, archives, uploads, links };
}
