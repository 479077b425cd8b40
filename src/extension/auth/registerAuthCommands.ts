import * as vscode from 'vscode';
import type { Services } from '../services/services';
import { API_KEY_ENV } from '../services/api/apiKeyStore';
import { messageOf } from '../../core/messageOf';
import { asSentence } from '../../core/text/sentence';
import { validateApiKey } from './validateApiKey';

/**
 * Registers "Set API Key…" and "Sign Out", says when the key store cannot be read (once until it can again), and
 * publishes the first `skillsmith.auth` state (not awaited: a failure to read is said, not thrown).
 */
export function registerAuthCommands(context: vscode.ExtensionContext, { keys, prompts, auth, log }: Services): void {
  context.subscriptions.push(
    auth.onDidFailToReadKey((error) => void sayKeyUnreadable(prompts, log, error)),
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

/** Says that the stored key could not be read and why (never the key: it was not read), offering to set it again. */
async function sayKeyUnreadable(prompts: Services['prompts'], log: vscode.LogOutputChannel, error: unknown): Promise<void> {
  const message = vscode.l10n.t(
    'Skillsmith could not read the API key from the system keychain (VS Code\'s secret storage): {0} Run "Skillsmith: Set API Key…" to set it again.',
    asSentence(messageOf(error)),
  );
  log.error(message);
  if (await prompts.offerSetKey(message)) await vscode.commands.executeCommand('skillsmith.auth.setKey');
}
