import type * as vscode from 'vscode';
import { KNOWN_MODELS } from '../../core/chat/defaultModel';
import type { ChatSession } from '../../core/chat/session';
import { errorMessage } from '../ui/errorMessage';

/**
 * The model ids the model field offers: the service's list; when that cannot be read, the current models Skillsmith
 * knows, with a log line that says what failed (any other id may still be typed).
 */
export async function modelChoices(session: ChatSession, log: vscode.LogOutputChannel): Promise<readonly string[]> {
  try {
    return (await session.listModels()).map((model) => model.id);
  } catch (error) {
    log.warn(
      `Chat: could not list the models: ${errorMessage(error)} The model field offers the current models Skillsmith knows (${KNOWN_MODELS.join(', ')}).`,
    );
    return KNOWN_MODELS;
  }
}
