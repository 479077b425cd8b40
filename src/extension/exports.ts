import * as vscode from 'vscode';
import type { PublishFeature } from './publish/registerPublish';
import type { ChatHandles } from './chat/registerChat';
import type { EvalHandles } from './evals/registerEvals';
import type { ApiKeyStore } from './services/api/apiKeyStore';
import type { Prompts } from './ui/prompts';
import type { SkillFolders } from './services/skillFolders/skillFolders';
import type { RemoteSkills } from './tree/registerRemoteSkills';

/**
 * The handles the integration tests drive, handed out only in `ExtensionMode.Test`. A feature that needs a
 * seam adds one line here and one in `activate`.
 */
export interface TestSeams {
  /** The remote skills tree, its view and the auth state. */
  readonly remoteSkills: RemoteSkills;
  /** Publish: the folder links and the drift badges. */
  readonly publish: PublishFeature;
  /** The open chat panel and the serializer's restore. */
  readonly chat: ChatHandles;
  /** The Test Explorer's eval items (runs go through `vscode.commands` and `prompts`). */
  readonly evals: EvalHandles;
  /** Every question the extension asks the user (one object: tests replace members to answer them). */
  readonly prompts: Prompts;
  /** The API key store (tests count how often it is read). */
  readonly keys: ApiKeyStore;
  /** The workspace's skill folders (discovery, resolve, links, draft hashes). */
  readonly folders: SkillFolders;
  /** How long `activate` took, in milliseconds (reported by the tests, never asserted). */
  readonly activationMs: number;
}

/**
 * What `activate` returns: the test seams when the extension host runs tests, and nothing otherwise, so no
 * other extension can reach (or replace) a live object of Skillsmith's. `seams` is only called in Test mode.
 */
export function exportsFor(mode: vscode.ExtensionMode, seams: () => TestSeams): TestSeams | undefined {
  return mode === vscode.ExtensionMode.Test ? seams() : undefined;
}
