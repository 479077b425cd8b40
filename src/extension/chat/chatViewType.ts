/** The chat panel's webview view type: the panels' and the serializer's (and `onWebviewPanel:` in package.json). */
export const CHAT_VIEW_TYPE = 'skillsmith.chat';
