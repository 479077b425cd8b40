import * as vscode from 'vscode';
import type { ChatUpdate } from '../../core/chat/updates';
import type { HostMessage } from '../../shared/chat/protocol';
import { UpdateBatcher } from './updateBatcher';

/**
 * The panel's line to its page. Messages go out only while the page is loaded: from its `ready` until the panel
 * is hidden, which unloads it (it loads anew and says `ready` again when shown). The conversation's updates are
 * batched (see `UpdateBatcher`); what was batched for a page that went away is dropped.
 */
export class PageConnection implements vscode.Disposable {
  private ready = false;
  private readonly batcher = new UpdateBatcher((updates) => this.post({ type: 'updates', updates }));
  private readonly posted = new vscode.EventEmitter<HostMessage>();

  /** Fires for every message posted to the page (the integration tests watch what the page is told). */
  readonly onDidPost = this.posted.event;

  constructor(private readonly webview: vscode.Webview) {}

  /** True while the page is loaded and listening. */
  get isReady(): boolean {
    return this.ready;
  }

  /** The page (re)loaded and said `ready`. */
  pageLoaded(): void {
    this.ready = true;
    this.batcher.clear();
  }

  /** The page was unloaded (the panel was hidden). */
  pageUnloaded(): void {
    this.ready = false;
  }

  /** Queues a change of the conversation for the page, when one listens. */
  push(update: ChatUpdate): void {
    if (this.ready) this.batcher.push(update);
  }

  /** Posts what is queued now (a reply ended). */
  flush(): void {
    this.batcher.flushNow();
  }

  /** Posts one message to the page, if it is loaded. */
  post(message: HostMessage): void {
    if (!this.ready) return;
    void this.webview.postMessage(message);
    this.posted.fire(message);
  }

  dispose(): void {
    this.ready = false;
    this.batcher.clear();
    this.posted.dispose();
  }
}
