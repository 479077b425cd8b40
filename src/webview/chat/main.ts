import '../../../media/chat.css';
import '@vscode/codicons/dist/codicon.css';
import {
  parseHostMessage,
  parsePanelState,
  type HostMessage,
  type Labels,
  type PanelState,
  type WebviewMessage,
} from '../../shared/chat/protocol';
import { Composer } from './composer';
import { ConversationView } from './conversationView';
import { button, el } from './dom';
import { connectHost } from './host';
import { linkTarget, warmUpMarkdown } from './markdown';
import type { SkillNames } from './turnView';

/** How often, at most, the page saves its state while a reply streams, in milliseconds. */
const SAVE_INTERVAL_MS = 1_000;

const host = connectHost();
const post = (message: WebviewMessage) => host.postMessage(message);

/** The page once the host sent its first `init`. */
class ChatPage {
  private readonly conversation: ConversationView;
  private readonly composer: Composer;
  private state: PanelState;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private stickToBottom = true;
  private readonly toolbarButtons: readonly HTMLButtonElement[];

  constructor(root: HTMLElement, labels: Labels, initial: Extract<HostMessage, { type: 'init' }>) {
    this.state = initial.state;
    const actions = {
      save: (file: { fileId: string }) => post({ type: 'saveFile', fileId: file.fileId }),
      copy: (turnId: string) => post({ type: 'copyTurn', turnId }),
      setApiKey: () => post({ type: 'setApiKey' }),
    };
    this.conversation = new ConversationView(labels, actions, this.skillNames(), () => this.drawn());
    this.composer = new Composer(labels, {
      send: (text) => {
        this.stickToBottom = true;
        post({ type: 'send', text });
      },
      systemToggled: () => this.save(),
      stop: () => post({ type: 'stop' }),
      addSkills: () => post({ type: 'addSkills' }),
      removeSkill: (skillId) => post({ type: 'removeSkill', skillId }),
      setSkillVersion: (skillId, version) => post({ type: 'setSkillVersion', skillId, version }),
      setOptions: (options) => post({ type: 'setOptions', options }),
    });
    this.toolbarButtons = [
      button(labels.newConversation, labels.newConversation, () => post({ type: 'newConversation' }), 'secondary'),
      button(labels.exportMarkdown, labels.exportMarkdown, () => post({ type: 'exportMarkdown' }), 'secondary'),
    ];
    const toolbar = el('div', { className: 'toolbar', attrs: { role: 'toolbar' }, children: this.toolbarButtons });
    root.replaceChildren(
      el('header', { children: [toolbar, this.composer.settingsElement] }),
      this.conversation.element,
      el('footer', { children: [this.composer.promptElement] }),
    );
    this.conversation.element.addEventListener('scroll', () => {
      const view = this.conversation.element;
      this.stickToBottom = view.scrollHeight - view.scrollTop - view.clientHeight < 40;
    });
    this.init(initial);
  }

  /** Handles one checked message from the host. */
  receive(message: HostMessage): void {
    switch (message.type) {
      case 'init':
        this.init(message);
        break;
      case 'updates':
        this.conversation.apply(message.updates);
        break;
      case 'settings':
        this.state = { ...this.state, settings: message.settings };
        this.composer.showSettings(message.settings);
        this.save();
        break;
      case 'models':
        this.composer.showModels(message.models);
        break;
      case 'busy':
        this.composer.setBusy(message.busy);
        if (!message.busy) this.save();
        break;
    }
  }

  /** Names a container's skill and version from the chips (a title and a version label), else by its ids. */
  private skillNames(): SkillNames {
    return {
      name: (skillId, version) => {
        const skill = this.state.settings.skills.find((candidate) => candidate.skillId === skillId);
        if (!skill) return `${skillId} ${version}`;
        const known = skill.versions.find((candidate) => candidate.ref === version);
        return `${skill.title} ${known?.tag ?? known?.label ?? version}`;
      },
    };
  }

  private init(message: Extract<HostMessage, { type: 'init' }>): void {
    this.state = message.state;
    const saved = parsePanelState(host.getState());
    if (saved?.view) this.composer.systemOpen = saved.view.systemPromptOpen;
    this.conversation.show(structuredClone(message.state.conversation));
    this.composer.showSettings(message.state.settings);
    this.composer.showModels(message.models);
    this.composer.setBusy(message.busy);
    this.composer.focus();
  }

  /** After a frame drew: keep the newest text in view, offer only what applies, save the state soon. */
  private drawn(): void {
    const view = this.conversation.element;
    if (this.stickToBottom) view.scrollTop = view.scrollHeight;
    const empty = this.conversation.model.turns.length === 0;
    for (const button of this.toolbarButtons) button.disabled = empty;
    this.saveTimer ??= setTimeout(() => this.save(), SAVE_INTERVAL_MS);
  }

  private save(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    host.setState({
      conversation: this.conversation.model,
      settings: this.state.settings,
      view: { systemPromptOpen: this.composer.systemOpen },
    });
  }
}

let page: ChatPage | undefined;
const root = document.getElementById('root');

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message || !root) return;
  if (!page) {
    if (message.type === 'init') page = new ChatPage(root, message.labels, message);
    return;
  }
  page.receive(message);
});

// Links are opened by the host after its own check; the webview itself never navigates.
document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element) || !event.target.closest('a')) return;
  event.preventDefault();
  const url = linkTarget(event.target);
  if (url) post({ type: 'openLink', url });
});

warmUpMarkdown();
// The host answers with `init` (after a reload, with the state the serializer handed back to it).
post({ type: 'ready' });
