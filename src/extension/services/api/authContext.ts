import * as vscode from 'vscode';
import type { ApiSession } from './apiSession';
import type { ApiKeyStore } from './apiKeyStore';

/** The value of the `skillsmith.auth` context key. */
export type AuthState = 'signedIn' | 'signedOut';

/**
 * Keeps the `skillsmith.auth` context key (which drives the signed-out welcome) in step with the key store,
 * and tells features when the connection changed (a new key or new `skillsmith.api.*` settings). A key store that
 * cannot be read (SecretStorage throws) counts as signed out and is said through `onDidFailToReadKey`; the next
 * change reads it again.
 */
export class AuthContext implements vscode.Disposable {
  private current: AuthState | undefined;
  private readonly changed = new vscode.EventEmitter<AuthState>();
  private readonly failedToRead = new vscode.EventEmitter<unknown>();
  private readonly subscription: vscode.Disposable;
  /** Whether the last read of the key store failed (so a failure in a row is not said again). */
  private failing = false;

  /**
   * Fires after the key or an API setting changed, once `skillsmith.auth` is published: every client and
   * every piece of data fetched before is stale.
   */
  readonly onDidChange = this.changed.event;

  /** Fires with what the key store threw when it could not be read, once until a read succeeds again. */
  readonly onDidFailToReadKey = this.failedToRead.event;

  constructor(
    private readonly keys: ApiKeyStore,
    session: ApiSession,
  ) {
    // One change at a time, in order: two quick changes (a base URL, then a key) never publish out of order; a
    // change that failed to publish does not stop the next one.
    const announce = async (): Promise<void> => this.changed.fire(await this.update());
    this.subscription = session.onDidChange(() => {
      this.announced = this.announced.then(announce, announce);
    });
  }

  private announced: Promise<void> = Promise.resolve();

  /**
   * Resolves once every connection change so far is published and announced (features have reset by then); rejects
   * only when the last change could not be published.
   */
  settled(): Promise<void> {
    return this.announced;
  }

  /** The state last published (undefined until the first `update`). */
  get state(): AuthState | undefined {
    return this.current;
  }

  /** Reads whether a key is available and publishes it; resolves to the state it set (signed out when the store fails). */
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
    const state = await this.read();
    this.current = state;
    await vscode.commands.executeCommand('setContext', 'skillsmith.auth', state);
    return state;
  }

  /** Whether the key store has a key; signed out when it cannot be read (said once through `onDidFailToReadKey`). */
  private async read(): Promise<AuthState> {
    try {
      const state: AuthState = (await this.keys.get()) ? 'signedIn' : 'signedOut';
      this.failing = false;
      return state;
    } catch (error) {
      if (!this.failing) this.failedToRead.fire(error);
      this.failing = true;
      return 'signedOut';
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.failedToRead.dispose();
  }
}
