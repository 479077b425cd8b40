import * as vscode from 'vscode';
import type { Services } from '../services/services';
import { API_KEY_ENV } from '../services/api/apiKeyStore';
import { validateApiKey } from './validateApiKey';

/** Registers "Set API Key…" and "Sign Out", and publishes the first `skillsmith.auth` state (not awaited). */
export function registerAuthCommands(context: vscode.ExtensionContext, { keys, prompts, auth }: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('skillsmith.auth.setKey', async () => {
      const key = await prompts.askApiKey(validateApiKey);
      if (key === undefined) return;
      await keys.store(key.trim());
      void vscode.window.showInformationMessage(vscode.l10n.t('Skillsmith: API key saved in secret storage.'));
    }),
    vscode.commands.registerCommand('skillsmith.auth.signOut', async () => {
      await keys.delete();
      const remaining = await keys.get();
      void vscode.window.showInformationMessage(
        remaining
          ? vscode.l10n.t('Skillsmith: stored key removed. The {0} environment variable still signs you in.', API_KEY_ENV)
          : vscode.l10n.t('Skillsmith: signed out.'),
      );
    }),
  );
  void auth.update();
}
