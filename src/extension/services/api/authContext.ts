import * as vscode from 'vscode';
import type { ApiSession } from './apiSession';
import type { ApiKeyStore } from './apiKeyStore';

/** The value of the `skillsmith.auth` context key. */
export type AuthState = 'signedIn' | 'signedOut';

/**
 * Keeps the `skillsmith.auth` context key (which drives the signed-out welcome) in step with the key store,
 * and tells features when the connection changed (a new key or new `skillsmith.api.*` settings).
 */
export class AuthContext implements vscode.Disposable {
  private current: AuthState | undefined;
  private readonly changed = new vscode.EventEmitter<AuthState>();
  private readonly subscription: vscode.Disposable;

  /**
   * Fires after the key or an API setting changed, once `skillsmith.auth` is published: every client and
   * every piece of data fetched before is stale.
   */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly keys: ApiKeyStore,
    session: ApiSession,
  ) {
    // One change at a time, in order: two quick changes (a base URL, then a key) never publish out of order.
    this.subscription = session.onDidChange(() => {
      this.announced = this.announced.then(async () => this.changed.fire(await this.update()));
    });
  }

  private announced: Promise<void> = Promise.resolve();

  /** Resolves once every connection change so far is published and announced (features have reset by then). */
  settled(): Promise<void> {
    return this.announced;
  }

  /** The state last published (undefined until the first `update`). */
  get state(): AuthState | undefined {
    return this.current;
  }

  /** Reads whether a key is available and publishes it; resolves to the state it set. */
  update(): Promise<AuthState> {
    const published = this.publish();
    this.published = published;
    return published;
  }

  /**
   * Whether a key is available, as last published once every change in flight is: the key store is read
   * once per change (or once, on first use, when nothing published yet), not by every reader.
   */
  async isSignedIn(): Promise<boolean> {
    await this.announced;
    return (await (this.published ?? this.update())) === 'signedIn';
  }

  /** The last `update`, resolving to the state it set. */
  private published: Promise<AuthState> | undefined;

  private async publish(): Promise<AuthState> {
    const state: AuthState = (await this.keys.get()) ? 'signedIn' : 'signedOut';
    this.current = state;
    await vscode.commands.executeCommand('setContext', 'skillsmith.auth', state);
    return state;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
