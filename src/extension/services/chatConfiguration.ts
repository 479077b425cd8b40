import * as vscode from 'vscode';
import { FALLBACK_MODEL } from '../../core/chat/defaultModel';
import type { ApiForm } from '../../core/chat/session';

/** The `skillsmith.chat.*` settings, read when a request is built. */
export interface ChatConfiguration {
  readonly defaultModel: string;
  readonly apiForm: ApiForm;
  readonly maxContinuations: number;
}

/** Reads the chat settings now. */
export function chatConfiguration(): ChatConfiguration {
  const settings = vscode.workspace.getConfiguration('skillsmith.chat');
  return {
    // An empty setting: the model every surface falls back to.
    defaultModel: settings.get<string>('defaultModel', '').trim() || FALLBACK_MODEL,
    apiForm: settings.get<string>('apiForm') === 'beta' ? 'beta' : 'ga',
    maxContinuations: Math.max(0, Math.trunc(settings.get<number>('maxContinuations', 3))),
  };
}
