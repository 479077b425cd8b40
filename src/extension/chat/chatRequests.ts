import * as vscode from 'vscode';
import type { AssistantTurn } from '../../core/chat/viewModel';
import { errorMessage } from '../ui/errorMessage';
import type { ChatSessionSource } from './chatSessionSource';
import { modelChoices } from './modelChoices';
import type { PageConnection } from './pageConnection';
import type { PanelSettings } from './panelSettings';

/**
 * What a chat panel asks of the service: a reply to a prompt (one at a time, the page told it is busy meanwhile,
 * the usage logged, a failure said to the user) and the models the model field offers (once per sign-in).
 */
export class ChatRequests implements vscode.Disposable {
  private sending = false;
  private models: readonly string[] = [];
  private modelsRequested = false;
  private readonly finished = new vscode.EventEmitter<AssistantTurn>();

  /** Fires when a reply ended (done, stopped or failed). */
  readonly onDidFinishTurn = this.finished.event;

  constructor(
    private readonly sessions: ChatSessionSource,
    private readonly settings: PanelSettings,
    private readonly page: PageConnection,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** True while a prompt is being sent or a reply streams. */
  get busy(): boolean {
    return this.sending || (this.sessions.current?.busy ?? false);
  }

  /** The model ids last listed (none before the first list). */
  get modelIds(): readonly string[] {
    return this.models;
  }

  /** Sends `text` with the panel's settings; ignored while another prompt is being sent. */
  async send(text: string): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    this.page.post({ type: 'busy', busy: true });
    try {
      const session = await this.sessions.get(true);
      if (!session) return;
      session.configure(this.settings.sessionOptions());
      const turn = await session.send(text);
      const usage = turn.usage;
      this.log.info(
        `Chat: reply ${turn.status} (${turn.stopReason ?? 'no stop reason'}) from ${turn.model}, ${usage.inputTokens} in (cache: ${usage.cacheReadTokens} read, ${usage.cacheCreationTokens} written) / ${usage.outputTokens} out, container ${turn.container?.id ?? 'none'}`,
      );
      this.finished.fire(turn);
    } catch (error) {
      const detail = errorMessage(error);
      this.log.error(`Chat: could not send: ${detail}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not send the message: {0}', detail));
    } finally {
      this.sending = false;
      this.page.flush();
      this.page.post({ type: 'busy', busy: false });
    }
  }

  /** After the key or the API settings changed: the next request uses the new SDK, and the models are listed again. */
  async useCurrentSdk(): Promise<void> {
    this.modelsRequested = false;
    await this.sessions.useCurrentSdk();
    if (this.page.isReady) void this.loadModels();
  }

  /** Offers the models in the model field, once per sign-in (see `modelChoices`). */
  async loadModels(): Promise<void> {
    if (this.modelsRequested) return;
    this.modelsRequested = true;
    const session = await this.sessions.get(false);
    if (!session) return;
    this.models = await modelChoices(session, this.log);
    this.page.post({ type: 'models', models: this.models });
  }

  dispose(): void {
    this.finished.dispose();
  }
}
