import '../../../media/chat.css';
import { parseHostMessage, type HostMessage, type Labels, type PanelState, type WebviewMessage } from '../../shared/chat/protocol';
import { Composer } from './composer';
import { ConversationView } from './conversationView';
import { button, el } from './dom';
import { connectHost } from './host';
import { linkTarget, warmUpMarkdown } from './markdown';

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

  constructor(
    root: HTMLElement,
    labels: Labels,
    initial: Extract<HostMessage, { type: 'init' }>,
  ) {
    this.state = initial.state;
    this.conversation = new ConversationView(labels, { save: (file) => post({ type: 'saveFile', fileId: file.fileId }), copy: (turnId) => post({ type: 'copyTurn', turnId }), setApiKey: () => post({ type: 'setApiKey' }) }, () => this.drawn());
    this.composer = new Composer(labels, {
      send: (text) => post({ type: 'send', text }),
      stop: () => post({ type: 'stop' }),
      addSkills: () => post({ type: 'addSkills' }),
      removeSkill: (skillId) => post({ type: 'removeSkill', skillId }),
      setSkillVersion: (skillId, version) => post({ type: 'setSkillVersion', skillId, version }),
      setOptions: (options) => post({ type: 'setOptions', options }),
    });
    const toolbar = el('div', {
      className: 'toolbar',
      attrs: { role: 'toolbar' },
      children: [
        button(labels.newConversation, labels.newConversation, () => post({ type: 'newConversation' }), 'secondary'),
        button(labels.exportMarkdown, labels.exportMarkdown, () => post({ type: 'exportMarkdown' }), 'secondary'),
      ],
    });
    root.replaceChildren(el('header', { children: [toolbar, this.composer.settingsElement] }), this.conversation.element, el('footer', { children: [this.composer.promptElement] }));
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

  private init(message: Extract<HostMessage, { type: 'init' }>): void {
    this.state = message.state;
    this.conversation.show(structuredClone(message.state.conversation));
    this.composer.showSettings(message.state.settings);
    this.composer.showModels(message.models);
    this.composer.setBusy(message.busy);
    this.composer.focus();
  }

  /** After a frame drew: keep the newest text in view, save the state soon. */
  private drawn(): void {
    const view = this.conversation.element;
    if (this.stickToBottom) view.scrollTop = view.scrollHeight;
    this.saveTimer ??= setTimeout(() => this.save(), SAVE_INTERVAL_MS);
  }

  private save(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    host.setState({ conversation: this.conversation.model, settings: this.state.settings });
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
