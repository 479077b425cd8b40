import * as vscode from 'vscode';
import { ApiSession } from './api/apiSession';
import { ApiKeyStore } from './api/apiKeyStore';
import { AuthContext } from './api/authContext';
import { UploadCache } from './caches/uploadCache';
import { VersionArchiveCache } from './caches/versionArchiveCache';
import { interactivePrompts, type Prompts } from '../ui/prompts';
import { LinkStore } from './skillFolders/linkStore';
import { SkillFolders } from './skillFolders/skillFolders';

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
  /** The workspace's skill folders: discovery, resolve(arg), links to remote skills, draft hashes. */
  readonly folders: SkillFolders;
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
  const prompts: Prompts = context.extensionMode === vscode.ExtensionMode.Test ? { ...interactivePrompts } : interactivePrompts;
  const folders = new SkillFolders(links, prompts, log);
  context.subscriptions.push(keys, session, auth, links, folders);
  return { log, keys, session, auth, prompts, archives, uploads, folders };
}
