import * as vscode from 'vscode';
import type { SkillsClient } from '../../core/api/types';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { loadApiModule } from './loadApiModule';

/**
 * The Skills API client in use: built on first use from the API key and the `skillsmith.api.*`
 * settings, rebuilt when either changes. Request lines go to the log; the key never does.
 */
export class ApiSession implements vscode.Disposable {
  private client: Promise<SkillsClient> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];

  /** Fires after the key or a setting changed: clients handed out before are stale. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      keys.onDidChange(() => this.reset()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('skillsmith.api')) this.reset();
      }),
    ];
  }

  /** The client for the current key and settings. */
  getClient(): Promise<SkillsClient> {
    if (!this.client) {
      const creating = this.createClient();
      this.client = creating;
      creating.catch(() => {
        if (this.client === creating) this.client = undefined;
      });
    }
    return this.client;
  }

  private async createClient(): Promise<SkillsClient> {
    const key = await this.keys.get();
    const settings = vscode.workspace.getConfiguration('skillsmith.api');
    const baseUrl = settings.get<string>('baseUrl', '').trim();
    const workspaceId = settings.get<string>('workspaceId', '').trim();
    const started = Date.now();
    const client = loadApiModule().createSkillsClient({
      apiKey: key?.value,
      baseUrl: baseUrl || undefined,
      workspaceId: workspaceId || undefined,
      log: (line) => this.log.info(line),
    });
    this.log.info(
      `API client ready in ${Date.now() - started} ms: ${baseUrl || 'default base URL'}, key from ${key?.source ?? 'nowhere (signed out)'}`,
    );
    return client;
  }

  private reset(): void {
    this.client = undefined;
    this.changed.fire();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
