import type { ChatUpdate } from '../../core/chat/updates';

/** How long updates gather before they are posted, in milliseconds (about one frame). */
const BATCH_MS = 16;

/**
 * Merges runs of appends to the same block into one update: a streamed reply arrives as thousands of small
 * `textAppended` updates, and the webview only needs their sum once per frame.
 */
export function coalesceUpdates(updates: readonly ChatUpdate[]): ChatUpdate[] {
  const merged: ChatUpdate[] = [];
  for (const update of updates) {
    const last = merged[merged.length - 1];
    if (
      last?.type === 'textAppended' &&
      update.type === 'textAppended' &&
      last.turnId === update.turnId &&
      last.blockIndex === update.blockIndex
    ) {
      merged[merged.length - 1] = { ...last, text: last.text + update.text };
    } else if (
      last?.type === 'toolInputAppended' &&
      update.type === 'toolInputAppended' &&
      last.turnId === update.turnId &&
      last.blockIndex === update.blockIndex
    ) {
      merged[merged.length - 1] = { ...last, json: last.json + update.json };
    } else if (update.type === 'snapshot') {
      merged.length = 0;
      merged.push(update);
    } else {
      merged.push(update);
    }
  }
  return merged;
}

/**
 * Gathers the session's updates and hands them on, merged, about once per `BATCH_MS`: by a timer, or by the
 * next update once the oldest queued one has waited that long. A stream whose events arrive faster than
 * they are handled keeps the event loop in promise callbacks, where no timer runs: without the second way,
 * the webview would get a whole second of text in one message and have to draw it in one frame.
 */
export class UpdateBatcher {
  private pending: ChatUpdate[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest queued update was queued. */
  private oldest = 0;

  constructor(
    private readonly flush: (updates: ChatUpdate[]) => void,
    /** The clock, in milliseconds. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Queues an update. */
  push(update: ChatUpdate): void {
    const now = this.now();
    if (this.pending.length === 0) this.oldest = now;
    this.pending.push(update);
    if (now - this.oldest >= BATCH_MS) this.flushNow();
    else this.timer ??= setTimeout(() => this.flushNow(), BATCH_MS);
  }

  /** Hands on what is queued now (before a message that must follow them, such as `busy: false`). */
  flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const updates = coalesceUpdates(this.pending);
    this.pending = [];
    this.flush(updates);
  }

  /** Drops what is queued (the webview is gone; it gets everything again when it comes back). */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
