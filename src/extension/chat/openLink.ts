import * as vscode from 'vscode';

/** The only schemes a link in a reply may open. */
const ALLOWED_SCHEMES = new Set(['http', 'https']);

/**
 * Opens a link the user clicked in a reply, in the browser, after checking it again here (the webview is
 * not trusted to have): only http(s) URLs with a host; anything else (`command:`, `javascript:`, `file:`,
 * `vscode:`) is refused and logged. Resolves with whether it was opened.
 */
export async function openLink(url: string, log: vscode.LogOutputChannel): Promise<boolean> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(url, true);
  } catch {
    log.warn(`Chat: refused a link that does not parse: ${url.slice(0, 200)}`);
    return false;
  }
  if (!ALLOWED_SCHEMES.has(uri.scheme) || !uri.authority) {
    log.warn(`Chat: refused a link with scheme "${uri.scheme}"`);
    return false;
  }
  return vscode.env.openExternal(uri);
}
