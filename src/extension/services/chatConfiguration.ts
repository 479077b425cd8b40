import * as vscode from 'vscode';
import type { ApiForm } from '../../core/chat/session';

/** The `skillsmith.chat.*` settings, read when a request is built. */
export interface ChatConfiguration {
  readonly defaultModel: string;
  readonly apiForm: ApiForm;
  readonly maxContinuations: number;
}

/** A current model, used when the `skillsmith.chat.defaultModel` setting is empty. */
export const FALLBACK_MODEL = 'claude-sonnet-5-5';

/** Reads the chat settings now. */
export function chatConfiguration(): ChatConfiguration {
  const settings = vscode.workspace.getConfiguration('skillsmith.chat');
  return {
    defaultModel: settings.get<string>('defaultModel', '').trim() || FALLBACK_MODEL,
    apiForm: settings.get<string>('apiForm') === 'beta' ? 'beta' : 'ga',
    maxContinuations: Math.max(0, Math.trunc(settings.get<number>('maxContinuations', 3))),
  };
}
