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
      try {
        await keys.store(key.trim());
      } catch (error) {
        await sayKeyUnsaved(prompts, log, error);
        return;
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Skillsmith: API key saved in secret storage.'));
    }),
    vscode.commands.registerCommand('skillsmith.auth.signOut', async () => {
      try {
        await keys.delete();
      } catch (error) {
        const message = vscode.l10n.t(
          'Skillsmith could not remove the API key from the system keychain (VS Code\'s secret storage): {0} The key is still stored; unlock the keychain and run "Skillsmith: Sign Out" again.',
          asSentence(messageOf(error)),
        );
        log.error(message);
        void vscode.window.showErrorMessage(message);
        return;
      }
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

/** Says that the key typed could not be stored and why (never the key), offering to try again. */
async function sayKeyUnsaved(prompts: Services['prompts'], log: vscode.LogOutputChannel, error: unknown): Promise<void> {
  const message = vscode.l10n.t(
    "Skillsmith could not save the API key in the system keychain (VS Code's secret storage): {0} Nothing was saved. Unlock the keychain and set the key again, or set the {1} environment variable.",
    asSentence(messageOf(error)),
    API_KEY_ENV,
  );
  log.error(message);
  if (await prompts.offerSetKey(message)) await vscode.commands.executeCommand('skillsmith.auth.setKey');
}
