import * as vscode from 'vscode';
import type { ChatSession, ChatSessionOptions } from '../../core/chat/session';
import type { AssistantTurn, ChatViewModel } from '../../core/chat/viewModel';
import { parseWebviewMessage, type ChatSettings, type HostMessage, type PanelState, type SkillChoice, type WebviewMessage } from '../../shared/chat/protocol';
import type { ApiSession } from '../services/api/apiSession';
import { loadApiModule } from '../services/api/loadApiModule';
import { errorMessage } from '../ui/errorMessage';
import { chatConfiguration } from '../services/chatConfiguration';
import { chatLabels } from './chatLabels';
import type { ChatPrompts } from './chatPrompts';
import { exportTranscript, copyTurn } from './transcriptCommands';
import { openLink } from './openLink';
import { saveProducedFile } from './saveProducedFile';
import { skillPickItems, skillChoice } from './skillChoices';
import { UpdateBatcher } from './updateBatcher';
import { chatHtml, webviewOptions } from './webviewHtml';

/** `max_tokens` of a new panel. */
const DEFAULT_MAX_TOKENS = 4096;

/** What a chat panel needs from the rest of the extension. */
export interface ChatPanelDependencies {
  readonly extensionUri: vscode.Uri;
  readonly api: ApiSession;
  readonly log: vscode.LogOutputChannel;
  readonly prompts: ChatPrompts;
}

function emptyConversation(): ChatViewModel {
  return { turns: [], container: null };
}

/**
 * One chat panel: the webview and the conversation it shows. The conversation core (`ChatSession`, in
 * dist/api.js) is made on the first request that needs it; the webview gets its changes batched (see
 * `UpdateBatcher`) and everything again whenever it (re)loads. Every message from the webview is checked
 * against the protocol; nothing in one names a command.
 */
export class ChatPanel implements vscode.Disposable {
  private session: ChatSession | undefined;
  private creating: Promise<ChatSession | undefined> | undefined;
  /** The conversation shown before a session exists (restored after a reload). */
  private restored: ChatViewModel;
  private settings: ChatSettings;
  private models: readonly string[] = [];
  private modelsRequested = false;
  /** True between the webview's `ready` and its disappearance: only then do messages reach it. */
  private ready = false;
  private sending = false;
  private isDisposed = false;
  private readonly batcher: UpdateBatcher;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly finished = new vscode.EventEmitter<AssistantTurn>();
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  private readonly disposed = new vscode.EventEmitter<void>();

  /** Fires when a reply ended (done, stopped or failed). */
  readonly onDidFinishTurn = this.finished.event;
  /** Fires for every message posted to the webview (the integration tests watch what the page is told). */
  readonly onDidPost = this.posted.event;
  /** Fires when the panel was closed. */
  readonly onDidDispose = this.disposed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: ChatPanelDependencies,
    state: PanelState | undefined,
  ) {
    this.restored = state?.conversation ?? emptyConversation();
    this.settings = state?.settings ?? { skills: [], model: chatConfiguration().defaultModel, maxTokens: DEFAULT_MAX_TOKENS, systemPrompt: '' };
    this.batcher = new UpdateBatcher((updates) => this.post({ type: 'updates', updates }));
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'skills.svg');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidChangeViewState(() => {
        // A hidden webview is unloaded; when it shows again it loads anew and says `ready`.
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
      deps.api.onDidChange(() => void this.useCurrentSdk()),
    );
    panel.webview.html = chatHtml(panel.webview, deps.extensionUri, panel.title);
  }

  /** The conversation as the panel shows it. */
  get conversation(): ChatViewModel {
    return this.session?.viewModel ?? this.restored;
  }

  /** The skills, model and limits of the next request. */
  get chatSettings(): ChatSettings {
    return this.settings;
  }

  /** Adds skills (or changes the version of one already there) and shows the panel. */
  addSkills(choices: readonly SkillChoice[]): void {
    const skills = [...this.settings.skills];
    for (const choice of choices) {
      const at = skills.findIndex((skill) => skill.skillId === choice.skillId);
      if (at >= 0) skills[at] = choice;
      else skills.push(choice);
    }
    this.updateSettings({ skills });
  }

  /**
   * Handles one message from the webview, after checking it against the protocol. Resolves when it has been
   * handled (a `send` when its reply ended); never rejects: a failure is logged.
   */
  receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.deps.log.warn('Chat: ignored a message from the webview that does not fit the protocol');
      return Promise.resolve();
    }
    return this.handle(message).catch((error: unknown) => this.deps.log.error(`Chat: ${message.type} failed: ${errorMessage(error)}`));
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.batcher.clear();
        this.postInit();
        void this.loadModels();
        return;
      case 'send':
        return this.send(message.text);
      case 'stop':
        this.session?.stop();
        return;
      case 'newConversation':
        this.restored = emptyConversation();
        if (this.session) this.session.reset();
        else this.post({ type: 'updates', updates: [{ type: 'snapshot', viewModel: this.restored }] });
        return;
      case 'addSkills':
        return this.pickSkills();
      case 'removeSkill':
        this.updateSettings({ skills: this.settings.skills.filter((skill) => skill.skillId !== message.skillId) });
        return;
      case 'setSkillVersion':
        this.updateSettings({ skills: this.settings.skills.map((skill) => (skill.skillId === message.skillId ? { ...skill, version: message.version } : skill)) });
        return;
      case 'setOptions':
        this.updateSettings(message.options);
        return;
      case 'saveFile': {
        const session = await this.ensureSession(true);
        if (session) await saveProducedFile(session, message.fileId, this.deps.prompts, this.deps.log);
        return;
      }
      case 'copyTurn':
        return copyTurn(this.conversation, message.turnId);
      case 'exportMarkdown':
        return exportTranscript(this.conversation, this.panel.title);
      case 'setApiKey':
        await vscode.commands.executeCommand('skillsmith.auth.setKey');
        return;
      case 'openLink':
        await openLink(message.url, this.deps.log);
        return;
    }
  }

  private async send(text: string): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    this.post({ type: 'busy', busy: true });
    try {
      const session = await this.ensureSession(true);
      if (!session) return;
      session.configure(this.sessionOptions());
      const turn = await session.send(text);
      const usage = turn.usage;
      this.deps.log.info(`Chat: reply ${turn.status} (${turn.stopReason ?? 'no stop reason'}), ${usage.inputTokens} in / ${usage.outputTokens} out, container ${turn.container?.id ?? 'none'}`);
      this.finished.fire(turn);
    } catch (error) {
      const detail = errorMessage(error);
      this.deps.log.error(`Chat: could not send: ${detail}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not send the message: {0}', detail));
    } finally {
      this.sending = false;
      this.batcher.flushNow();
      this.post({ type: 'busy', busy: false });
    }
  }

  /** The session, made on first use from the current SDK; undefined when signed out (`interactive`: say so). */
  private ensureSession(interactive: boolean): Promise<ChatSession | undefined> {
    if (this.session) return Promise.resolve(this.session);
    this.creating ??= this.createSession().finally(() => {
      this.creating = undefined;
    });
    return this.creating.then((session) => {
      if (!session && interactive) void this.offerSignIn();
      return session;
    });
  }

  private async createSession(): Promise<ChatSession | undefined> {
    const sdk = await this.deps.api.getSdk();
    if (!sdk || this.session) return this.session;
    const session = loadApiModule().createChatSession(sdk, this.sessionOptions());
    this.disposables.push({ dispose: session.onUpdate((update) => this.ready && this.batcher.push(update)) });
    if (this.restored.turns.length > 0) session.restore(this.restored);
    this.session = session;
    return session;
  }

  private async offerSignIn(): Promise<void> {
    const setKey = vscode.l10n.t('Set API Key…');
    const answer = await vscode.window.showErrorMessage(vscode.l10n.t('Skillsmith has no Claude API key: set one to chat.'), setKey);
    if (answer === setKey) await vscode.commands.executeCommand('skillsmith.auth.setKey');
  }

  /** After the key or the API settings changed: the next request uses the new SDK (or the models are listed again). */
  private async useCurrentSdk(): Promise<void> {
    this.modelsRequested = false;
    const sdk = await this.deps.api.getSdk();
    if (sdk && this.session) this.session.useSdk(sdk);
    if (this.ready) void this.loadModels();
  }

  /** Offers the service's models in the model field, once per sign-in; a service without `/v1/models` leaves it free text. */
  private async loadModels(): Promise<void> {
    if (this.modelsRequested) return;
    this.modelsRequested = true;
    const session = await this.ensureSession(false);
    if (!session) return;
    try {
      this.models = (await session.listModels()).map((model) => model.id);
      this.post({ type: 'models', models: this.models });
    } catch (error) {
      this.deps.log.info(`Chat: the service listed no models (${errorMessage(error)}); the model field stays free text`);
    }
  }

  /** Asks which skills to add (custom and Anthropic ones, as the service lists them) and adds them. */
  async pickSkills(title = vscode.l10n.t('Skills to Test in the Chat')): Promise<void> {
    const client = await this.deps.api.getClient();
    const items = skillPickItems(client, this.settings.skills);
    items.catch((error: unknown) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not list the skills: {0}', errorMessage(error)));
    });
    const picked = await this.deps.prompts.pickSkills(items, title);
    if (!picked) return;
    this.addSkills(await Promise.all(picked.map((item) => skillChoice(client, { type: item.skillType, skillId: item.skillId, title: item.title }))));
  }

  private updateSettings(changes: Partial<ChatSettings>): void {
    this.settings = { ...this.settings, ...changes };
    this.post({ type: 'settings', settings: this.settings });
  }

  private sessionOptions(): ChatSessionOptions {
    const configuration = chatConfiguration();
    return {
      model: this.settings.model || configuration.defaultModel,
      maxTokens: this.settings.maxTokens,
      system: this.settings.systemPrompt || undefined,
      skills: this.settings.skills.map((skill) => ({ type: skill.type, skillId: skill.skillId, version: skill.version })),
      apiForm: configuration.apiForm,
      maxContinuations: configuration.maxContinuations,
    };
  }

  private postInit(): void {
    const state: PanelState = { conversation: this.conversation, settings: this.settings };
    this.post({ type: 'init', state, busy: this.sending || (this.session?.busy ?? false), models: this.models, labels: chatLabels() });
  }

  private post(message: HostMessage): void {
    if (!this.ready) return;
    void this.panel.webview.postMessage(message);
    this.posted.fire(message);
  }

  /** Shows the panel. */
  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.session?.stop();
    this.batcher.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
    this.disposed.fire();
    this.disposed.dispose();
    this.finished.dispose();
    this.posted.dispose();
  }
}
