import type Anthropic from '@anthropic-ai/sdk';
import * as vscode from 'vscode';
import type { ClientOptions, SkillsClient } from '../../../core/api/types';
import { Disposable } from '../../shared/disposable';
import type { ApiKeyStore } from './apiKeyStore';
import { loadApiModule } from '../../../core/api/loadApiModule';

/**
 * The Skills API client in use: built on first use from the API key and the `skillsmith.api.*`
 * settings, rebuilt when either changes. Request lines go to the log; the key never does.
 */
export class ApiSession extends Disposable {
  private client: Promise<SkillsClient> | undefined;
  private sdk: Promise<Anthropic | null> | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<void>());

  /** Fires after the key or a setting changed: clients handed out before are stale. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly keys: ApiKeyStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(keys.onDidChange(() => this.reset()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('skillsmith.api')) this.reset();
      }),
    );
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

  /**
   * The SDK instance for the current key and settings (same base URL, workspace header and request log as
   * the Skills client), for features that call other endpoints (messages, files, models); null when signed out.
   */
  getSdk(): Promise<Anthropic | null> {
    if (!this.sdk) {
      const creating = this.clientOptions().then(({ options }) => loadApiModule().createSdk(options));
      this.sdk = creating;
      creating.catch(() => {
        if (this.sdk === creating) this.sdk = undefined;
      });
    }
    return this.sdk;
  }

  private async createClient(): Promise<SkillsClient> {
    const started = Date.now();
    const { options, keySource } = await this.clientOptions();
    const client = loadApiModule().createSkillsClient(options);
    this.log.info(`API client ready in ${Date.now() - started} ms: ${options.baseUrl || 'default base URL'}, key from ${keySource}`);
    return client;
  }

  /** The client options from the key and the `skillsmith.api.*` settings, read now, and where the key came from. */
  private async clientOptions(): Promise<{ options: ClientOptions; keySource: string }> {
    const key = await this.keys.get();
    const settings = vscode.workspace.getConfiguration('skillsmith.api');
    const baseUrl = settings.get<string>('baseUrl', '').trim();
    const workspaceId = settings.get<string>('workspaceId', '').trim();
    const options = {
      apiKey: key?.value,
      baseUrl: baseUrl || undefined,
      workspaceId: workspaceId || undefined,
      log: (line: string) => this.log.info(line),
    };
    return { options, keySource: key?.source ?? 'nowhere (signed out)' };
  }

  private reset(): void {
    this.client = undefined;
    this.sdk = undefined;
    this.changed.fire();
  }
}
