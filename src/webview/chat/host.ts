import type { PanelState, WebviewMessage } from '../../shared/chat/protocol';

/** The part of VS Code's webview API the chat uses. */
interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  setState(state: PanelState): void;
  /** What the page saved before it was reloaded (unchecked: see `parsePanelState`). */
  getState(): unknown;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The host, as the page sees it: messages out, the state VS Code keeps across reloads. */
export type Host = VsCodeApi;

/** The host API; callable once per page load. */
export function connectHost(): Host {
  return acquireVsCodeApi();
}
