import * as vscode from 'vscode';
import { errorMessage } from './errorMessage';

/** Logs a failure and shows its human message (see `errorMessage`) with a "Show Log" button. */
export async function showError(log: vscode.LogOutputChannel, what: string, error: unknown): Promise<void> {
  const message = `${what}: ${errorMessage(error)}`;
  log.error(message);
  const showLog = vscode.l10n.t('Show Log');
  if ((await vscode.window.showErrorMessage(message, showLog)) === showLog) log.show();
}
