import * as vscode from 'vscode';
import { NO_KEY_MESSAGE } from '../../core/api/noKey';
import type { ApiErrorKind } from '../../core/api/types';
import type { EvalFileError } from '../../core/evals/evalFiles';
import { messageOf } from '../../core/messageOf';
import { API_KEY_ENV } from '../services/api/apiKeyStore';
import { commonQuestions } from './commonQuestions';
import { displayPath } from './displayPath';

/**
 * A failure's message as the editor says it: the core's neutral message (a `SkillsApiError` or `ZipError`
 * says what happened and what to do) plus, where the fix is in VS Code, which command or setting it is. An eval
 * file's problem names the file by its workspace-relative path.
 */
export function errorMessage(error: unknown): string {
  const message = evalFileMessage(error) ?? messageOf(error);
  const hint = editorHint(apiErrorKind(error));
  return hint ? `${message} ${hint}` : message;
}

/** What the editor says when no API key is set: the core's words and how to set one here. */
export function noKeyMessage(): string {
  return `${NO_KEY_MESSAGE} ${editorHint('no-key')}`;
}

/** Says that no API key is set, offering "Set API Key…", which runs that command. */
export async function showNoKeyError(): Promise<void> {
  if (await commonQuestions.offerSetKey(noKeyMessage())) await vscode.commands.executeCommand('skillsmith.auth.setKey');
}

function editorHint(kind: ApiErrorKind | undefined): string | undefined {
  switch (kind) {
    case 'no-key':
      return vscode.l10n.t('Run "Skillsmith: Set API Key…" or set the {0} environment variable.', API_KEY_ENV);
    case 'offline':
      return vscode.l10n.t('The base URL is the skillsmith.api.baseUrl setting.');
    default:
      return undefined;
  }
}

/** An `EvalFileError`'s message with its file relative to the workspace (read by shape, like `apiErrorKind`). */
function evalFileMessage(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== 'EvalFileError') return undefined;
  const fileError = error as Error & Pick<EvalFileError, 'file' | 'naming'>;
  return fileError.naming(displayPath(vscode.Uri.file(fileError.file)));
}

/** The `kind` of a `SkillsApiError` (undefined for anything else), read by shape so the API module need not be loaded to ask. */
export function apiErrorKind(error: unknown): ApiErrorKind | undefined {
  if (!(error instanceof Error) || error.name !== 'SkillsApiError') return undefined;
  return (error as Error & { readonly kind: ApiErrorKind }).kind;
}
