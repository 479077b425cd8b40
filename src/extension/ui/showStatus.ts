import * as vscode from 'vscode';

/** How long a status bar confirmation stays. */
const STATUS_MS = 8000;

/** Says, unobtrusively in the status bar, that something finished (a delete, a cancel): no notification to dismiss. */
export function showStatus(text: string): void {
  vscode.window.setStatusBarMessage(text, STATUS_MS);
}
