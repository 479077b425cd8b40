import * as vscode from 'vscode';

/** The SecretStorage key the API key is kept under. */
export const API_KEY_SECRET = 'skillsmith.apiKey';

/** The environment variable used when no key is stored. */
export const API_KEY_ENV = 'ANTHROPIC_API_KEY';

/** Where the key in use came from. */
export type ApiKeySource = 'secret-storage' | 'environment';

/** The key in use and where it came from. */
export interface ApiKey {
  readonly value: string;
  readonly source: ApiKeySource;
}

/** The API key: SecretStorage first, then the `ANTHROPIC_API_KEY` environment variable. Never logged. */
export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  /** Fires when the stored key is set or deleted (here or in another window). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key === API_KEY_SECRET) this.changed.fire();
    });
  }

  /** The key in use, or undefined when neither SecretStorage nor the environment has one. */
  async get(): Promise<ApiKey | undefined> {
    const stored = await this.secrets.get(API_KEY_SECRET);
    if (stored) return { value: stored, source: 'secret-storage' };
    const fromEnv = process.env[API_KEY_ENV]?.trim();
    return fromEnv ? { value: fromEnv, source: 'environment' } : undefined;
  }

  /** Stores a key in SecretStorage. */
  async store(key: string): Promise<void> {
    await this.secrets.store(API_KEY_SECRET, key);
  }

  /** Deletes the stored key; the environment variable, if set, still applies. */
  async delete(): Promise<void> {
    await this.secrets.delete(API_KEY_SECRET);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
