import * as vscode from 'vscode';
import { RULE_DOCS_FILE } from '../../core/skill/rules';

/** A refused upload as the user reads it. */
export interface Refusal {
  /** The service's message, made human. */
  readonly message: string;
  readonly requestId?: string;
  /** The lint rule that covers the refusal, when one does. */
  readonly rule?: string;
}

/**
 * Says that the service refused an upload: its message, its request id (for support) and the lint rule that
 * covers it, with buttons to copy the request id, read the rule and show the log.
 */
export async function showRefusal(log: vscode.LogOutputChannel, refusal: Refusal, extensionUri?: vscode.Uri): Promise<void> {
  const parts = [vscode.l10n.t('Not published. {0}', refusal.message)];
  if (refusal.requestId) parts.push(vscode.l10n.t('Request id: {0}', refusal.requestId));
  const text = parts.join(' ');
  log.error(text);
  const copy = vscode.l10n.t('Copy Request ID');
  const rule = vscode.l10n.t('Open Rule');
  const showLog = vscode.l10n.t('Show Log');
  const buttons = [...(refusal.requestId ? [copy] : []), ...(refusal.rule && extensionUri ? [rule] : []), showLog];
  const answer = await vscode.window.showErrorMessage(text, ...buttons);
  if (answer === copy && refusal.requestId) await vscode.env.clipboard.writeText(refusal.requestId);
  if (answer === rule && refusal.rule && extensionUri) {
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.joinPath(extensionUri, RULE_DOCS_FILE).with({ fragment: refusal.rule }));
  }
  if (answer === showLog) log.show();
}
