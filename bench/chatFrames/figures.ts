/** What the frame benchmark's page and its driver share (no DOM, no Node: the page runs in Chromium, the driver in Node). */

/** The user timing marks the replay sets around what it measures, to find it in a trace. */
export const REPLAY_MARKS = { start: 'replay-start', end: 'replay-end' } as const;

/** One host message and when it was posted, in milliseconds after the first. */
export interface TimedMessage {
  readonly at: number;
  readonly message: unknown;
}

/** What a replay measured. */
export interface FrameFigures {
  /** Intervals between consecutive animation frames while the reply was drawn, in milliseconds. */
  readonly frames: number[];
  /** Durations of the main thread's long tasks (over 50 ms), from the Long Tasks API. */
  readonly longTasks: number[];
  /** From the first message to the last change of the page's DOM. */
  readonly drawnMs: number;
  /** From the first message to the last one. */
  readonly streamMs: number;
  /** Characters of text the page shows at the end. */
  readonly shownChars: number;
}

/** The globals the page's stand-in host defines for the driver. */
export interface ReplayGlobals {
  /** Posts one host message to the page at once. */
  post(message: unknown): void;
  /**
   * Replays `messages` (after an `init` was posted) and resolves with the figures once the page is quiet and
   * at least `untilMs` have passed.
   */
  replay(messages: readonly TimedMessage[], quietMs: number, untilMs: number): Promise<FrameFigures>;
  /** Set when the page said `ready`. */
  chatReady: boolean;
  /** Resolves once the page has had idle time (what it does while the user types a prompt is done). */
  idle(): Promise<void>;
  /**
   * Scrolls the page's log from its end to its top in `steps` equal steps, one per animation frame (a user
   * dragging the scroll bar through a long reply), and resolves with the intervals between the frames.
   */
  scrollLog(steps: number): Promise<number[]>;
}
