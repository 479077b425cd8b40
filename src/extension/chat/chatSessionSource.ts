import * as vscode from 'vscode';
import type { ChatSession, ChatSessionOptions } from '../../core/chat/session';
import type { ChatUpdate } from '../../core/chat/updates';
import type { ChatViewModel } from '../../core/chat/viewModel';
import type { ApiSession } from '../services/api/apiSession';
import { loadApiModule } from '../../core/api/loadApiModule';
import { showNoKeyError } from '../ui/errorMessage';

/** What the source asks of its panel when it makes the session. */
export interface SessionNeeds {
  /** The options of the next request. */
  options(): ChatSessionOptions;
  /** The conversation shown before the session existed (restored after a reload), to continue. */
  restored(): ChatViewModel;
  /** Receives every change of the conversation. */
  onUpdate(update: ChatUpdate): void;
}

/**
 * A panel's conversation core (`ChatSession`, in dist/api.js): made on the first request that needs it, from the
 * SDK of the current key and API settings, and moved to a new SDK when they change. Signed out, there is none,
 * and an interactive request offers to set a key.
 */
export class ChatSessionSource implements vscode.Disposable {
  private session: ChatSession | undefined;
  private creating: Promise<ChatSession | undefined> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly api: ApiSession,
    private readonly needs: SessionNeeds,
  ) {}

  /** The session, if it was made. */
  get current(): ChatSession | undefined {
    return this.session;
  }

  /** The session, made on first use; undefined when signed out (`interactive`: say so, offering to set a key). */
  get(interactive: boolean): Promise<ChatSession | undefined> {
    if (this.session) return Promise.resolve(this.session);
    this.creating ??= this.create().finally(() => {
      this.creating = undefined;
    });
    return this.creating.then((session) => {
      if (!session && interactive) void showNoKeyError();
      return session;
    });
  }

  /** After the key or the API settings changed: the next request uses the new SDK. */
  async useCurrentSdk(): Promise<void> {
    const sdk = await this.api.getSdk();
    if (sdk && this.session) this.session.useSdk(sdk);
  }

  dispose(): void {
    this.session?.stop();
    this.unsubscribe?.();
  }

  private async create(): Promise<ChatSession | undefined> {
    const sdk = await this.api.getSdk();
    if (!sdk || this.session) return this.session;
    const session = loadApiModule().createChatSession(sdk, this.needs.options());
    this.unsubscribe = session.onUpdate((update) => this.needs.onUpdate(update));
    const restored = this.needs.restored();
    if (restored.turns.length > 0) session.restore(restored);
    this.session = session;
    return session;
  }
}
