import * as vscode from 'vscode';
import type { ApiKeyStore } from './apiKeyStore';

/** The value of the `skillsmith.auth` context key. */
export type AuthState = 'signedIn' | 'signedOut';

/** Sets `skillsmith.auth` from whether a key is available, and returns the state it set. */
export async function updateAuthContext(keys: ApiKeyStore): Promise<AuthState> {
  const state: AuthState = (await keys.get()) ? 'signedIn' : 'signedOut';
  await vscode.commands.executeCommand('setContext', 'skillsmith.auth', state);
  return state;
}
