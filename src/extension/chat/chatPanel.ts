import * as vscode from 'vscode';
import type { AssistantTurn, ChatViewModel } from '../../core/chat/viewModel';
import {
  MAX_PROMPT_CHARS,
  oversizedPrompt,
  parseWebviewMessage,
  type ChatSettings,
  type HostMessage,
  type PanelState,
  type SkillChoice,
  type WebviewMessage,
} from '../../shared/chat/protocol';
import type { ApiSession } from '../services/api/apiSession';
import { errorMessage } from '../ui/errorMessage';
import type { Prompts } from '../ui/prompts';
import { chatLabels } from './chatLabels';
import { ChatRequests } from './chatRequests';
import { ChatSessionSource } from './chatSessionSource';
import { openLink } from './openLink';
import { PageConnection } from './pageConnection';
import { PanelSettings } from './panelSettings';
import { producedFile, saveProducedFile } from './saveProducedFile';
import { pickSkillChoices } from './skillChoices';
import { copyTurn, exportTranscript } from './transcriptCommands';
import { chatHtml, webviewOptions } from './webviewHtml';

/** What a chat panel needs from the rest of the extension. */
export interface ChatPanelDependencies {
  readonly extensionUri: vscode.Uri;
  readonly api: ApiSession;
  readonly log: vscode.LogOutputChannel;
  readonly prompts: Prompts;
}

function emptyConversation(): ChatViewModel {
  return { turns: [], container: null };
}

/**
 * One chat panel: the webview, and what its page asks for. Every message from the page is checked against the
 * protocol (nothing in one names a command) and handed to the piece that does it: the conversation core
 * (`ChatSessionSource`), the settings of the next request (`PanelSettings`), the replies and model list
 * (`ChatRequests`), the line back to the page (`PageConnection`), and the commands on files, messages and links.
 */
export class ChatPanel implements vscode.Disposable {
  /** The conversation shown before a session exists (restored after a reload). */
  private restored: ChatViewModel;
  private readonly settings: PanelSettings;
  private readonly page: PageConnection;
  private readonly sessions: ChatSessionSource;
  private readonly requests: ChatRequests;
  private isDisposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();

  /** Fires when a reply ended (done, stopped or failed). */
  readonly onDidFinishTurn: vscode.Event<AssistantTurn>;
  /** Fires for every message posted to the webview (the integration tests watch what the page is told). */
  readonly onDidPost: vscode.Event<HostMessage>;
  /** Fires when the panel was closed. */
  readonly onDidDispose = this.disposed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: ChatPanelDependencies,
    state: PanelState | undefined,
  ) {
    this.restored = state?.conversation ?? emptyConversation();
    this.page = new PageConnection(panel.webview);
    this.onDidPost = this.page.onDidPost;
    this.settings = new PanelSettings(state?.settings, (settings) => this.page.post({ type: 'settings', settings }));
    this.sessions = new ChatSessionSource(deps.api, {
      options: () => this.settings.sessionOptions(),
      restored: () => this.restored,
      onUpdate: (update) => this.page.push(update),
    });
    this.requests = new ChatRequests(this.sessions, this.settings, this.page, deps.log);
    this.onDidFinishTurn = this.requests.onDidFinishTurn;
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'skills.svg');
    this.disposables.push(
      this.page,
      this.sessions,
      this.requests,
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.page.pageUnloaded();
      }),
      panel.onDidDispose(() => this.dispose()),
      deps.api.onDidChange(() => void this.requests.useCurrentSdk()),
    );
    panel.webview.html = chatHtml(panel.webview, deps.extensionUri, panel.title);
  }

  /** The conversation as the panel shows it. */
  get conversation(): ChatViewModel {
    return this.sessions.current?.viewModel ?? this.restored;
  }

  /** The skills, model and limits of the next request. */
  get chatSettings(): ChatSettings {
    return this.settings.current;
  }

  /** Adds skills (or changes the version of one already there). */
  addSkills(choices: readonly SkillChoice[]): void {
    this.settings.addSkills(choices);
  }

  /**
   * Handles one message from the webview, after checking it against the protocol. Resolves when it has been
   * handled (a `send` when its reply ended); never rejects: a failure is logged.
   */
  receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      const length = oversizedPrompt(raw);
      if (length !== undefined) this.refuseLongPrompt(length);
      else this.deps.log.warn('Chat: ignored a message from the webview that does not fit the protocol');
      return Promise.resolve();
    }
    return this.handle(message).catch((error: unknown) => this.deps.log.error(`Chat: ${message.type} failed: ${errorMessage(error)}`));
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.page.pageLoaded();
        this.postInit();
        void this.requests.loadModels();
        return;
      case 'send':
        return this.requests.send(message.text);
      case 'stop':
        this.sessions.current?.stop();
        return;
      case 'newConversation':
        this.restored = emptyConversation();
        if (this.sessions.current) this.sessions.current.reset();
        else this.page.post({ type: 'updates', updates: [{ type: 'snapshot', viewModel: this.restored }] });
        return;
      case 'addSkills':
        return this.pickSkills();
      case 'removeSkill':
        this.settings.removeSkill(message.skillId);
        return;
      case 'setSkillVersion':
        this.settings.setSkillVersion(message.skillId, message.version);
        return;
      case 'setOptions':
        this.settings.update(message.options);
        return;
      case 'saveFile': {
        const session = await this.sessions.get(true);
        if (session) await saveProducedFile(session, producedFile(this.conversation, message.fileId), this.deps.prompts, this.deps.log);
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

  /** A page that skipped its own check sent a prompt over the limit: say so, rather than drop it unseen. */
  private refuseLongPrompt(length: number): void {
    this.deps.log.warn(`Chat: refused a prompt of ${length} characters (at most ${MAX_PROMPT_CHARS})`);
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The prompt has {0} characters; the chat sends at most {1}. Shorten it to send it.',
        length.toLocaleString(vscode.env.language),
        MAX_PROMPT_CHARS.toLocaleString(vscode.env.language),
      ),
    );
  }

  /** Asks which skills to add (custom and Anthropic ones, as the service lists them) and adds them. */
  async pickSkills(title = vscode.l10n.t('Skills to Test in the Chat')): Promise<void> {
    const picked = await pickSkillChoices(await this.deps.api.getClient(), this.deps.prompts, this.settings.current.skills, title);
    if (picked) this.addSkills(picked);
  }

  private postInit(): void {
    const state: PanelState = { conversation: this.conversation, settings: this.settings.current };
    this.page.post({
      type: 'init',
      state,
      busy: this.requests.busy,
      models: this.requests.modelIds,
      labels: chatLabels(),
    });
  }

  /** Shows the panel. */
  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
    this.disposed.fire();
    this.disposed.dispose();
  }
}
