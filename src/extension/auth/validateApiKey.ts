import * as vscode from 'vscode';

/**
 * Light validation of a pasted key for the input box: returns a message when it is plainly not a key,
 * undefined otherwise. The service has the final word.
 */
export function validateApiKey(input: string): string | undefined {
  const key = input.trim();
  if (key === '') return vscode.l10n.t('Paste your Claude API key.');
  if (/\s/.test(key)) return vscode.l10n.t('An API key has no spaces or line breaks.');
  if (key.length < 16) return vscode.l10n.t('This is too short to be an API key.');
  return undefined;
}
