/** What test/webview/chatViewsPage.ts gives its test (types only: the page runs in Chromium, the test in Node). */

/** The first difference a stream showed. */
export interface Mismatch {
  /** How much of the text had arrived. */
  readonly shownChars: number;
  /** The HTML the streaming block showed. */
  readonly streamed: string;
  /** The HTML of a full render of the same text. */
  readonly full: string;
}

/** The globals the page defines. */
export interface StreamGlobals {
  /**
   * Streams `text` into a `MarkdownBlock` in deltas of `size` characters and compares it with a full render after
   * each; `sliced` draws each delta one batch at a time (as when the frame's time budget is spent), else all at once.
   * Null when they never differed.
   */
  streamMarkdown(text: string, size: number, sliced: boolean): Mismatch | null;
  /**
   * Streams `pieces` of a tool call's input JSON into a `ToolView`, then completes the input; says after each
   * update what its input shows and whether that is the `<pre>` it showed first.
   */
  streamToolInput(pieces: readonly string[]): ToolInputShown[];
  /** The HTML `renderMarkdown` makes of `text`. */
  markdownHtml(text: string): string;
  /** Draws an assistant turn (JSON of an `AssistantTurn`) whose chips named skill `skill_1` "Release notes", version `skver_3` "v3". */
  drawTurn(turnJson: string): TurnShown;
}

/** What an assistant turn's view showed. */
export interface TurnShown {
  /** The author line's text (name and model). */
  readonly author: string;
  /** The texts of its Save to Workspace buttons. */
  readonly saveButtons: readonly string[];
  /** The footer's meta line. */
  readonly meta: string;
  /** The text of its tool calls' produced-file lists. */
  readonly toolFiles: readonly string[];
  /** The tooltips of the footer's items. */
  readonly metaTooltips: readonly string[];
}

/** What a tool view's input showed after one update. */
export interface ToolInputShown {
  readonly text: string;
  readonly visible: boolean;
  /** Whether the input is shown by the element that showed it after the first update. */
  readonly samePre: boolean;
}
