import * as vscode from 'vscode';

/**
 * Logs a failure and shows its human message (a `SkillsApiError` or `ZipError` message says what to do)
 * with a "Show Log" button.
 */
export async function showError(log: vscode.LogOutputChannel, what: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  log.error(`${what}: ${message}`);
  const showLog = vscode.l10n.t('Show Log');
  if ((await vscode.window.showErrorMessage(`${what}: ${message}`, showLog)) === showLog) log.show();
}
