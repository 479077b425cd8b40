import * as vscode from 'vscode';
import type { ApiKeyStore } from './apiKeyStore';

/** The value of the `skillsmith.auth` context key. */
export type AuthState = 'signedIn' | 'signedOut';

/** Keeps the `skillsmith.auth` context key (which drives the signed-out welcome) in step with the key store. */
export class AuthContext {
  private current: AuthState | undefined;

  constructor(private readonly keys: ApiKeyStore) {}

  /** The state last published (undefined until the first `update`). */
  get state(): AuthState | undefined {
    return this.current;
  }

  /** Reads whether a key is available and publishes it; resolves to the state it set. */
  async update(): Promise<AuthState> {
    const state: AuthState = (await this.keys.get()) ? 'signedIn' : 'signedOut';
    this.current = state;
    await vscode.commands.executeCommand('setContext', 'skillsmith.auth', state);
    return state;
  }
}
