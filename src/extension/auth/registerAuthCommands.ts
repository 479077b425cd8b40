import * as vscode from 'vscode';
import { API_KEY_ENV, type ApiKeyStore } from './apiKeyStore';
import { validateApiKey } from './validateApiKey';
import type { Prompts } from '../tree/prompts';

/** Registers "Set API Key…" and "Sign Out". */
export function registerAuthCommands(context: vscode.ExtensionContext, keys: ApiKeyStore, prompts: Prompts): void {
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
}
