import * as vscode from 'vscode';
import { showStatus } from '../ui/showStatus';
import type { ChatViewModel } from '../../core/chat/viewModel';
import { assistantMarkdown, transcriptMarkdown, type TranscriptWords } from './transcriptMarkdown';

function words(): TranscriptWords {
  return {
    you: vscode.l10n.t('You'),
    claude: vscode.l10n.t('Claude'),
    input: vscode.l10n.t('Input'),
    output: vscode.l10n.t('Output'),
    errors: vscode.l10n.t('Errors'),
    returnCode: vscode.l10n.t('Return code'),
    toolError: vscode.l10n.t('Tool error'),
    file: vscode.l10n.t('File'),
    tokens: vscode.l10n.t('Tokens in / out'),
    cache: vscode.l10n.t('Cache read / written'),
    container: vscode.l10n.t('Container'),
    stopReason: vscode.l10n.t('Stop reason'),
    error: vscode.l10n.t('Error'),
  };
}

/** Copies one message to the clipboard: a reply as Markdown, a user message as typed. */
export async function copyTurn(conversation: ChatViewModel, turnId: string): Promise<void> {
  const turn = conversation.turns.find((candidate) => candidate.id === turnId);
  if (!turn) return;
  await vscode.env.clipboard.writeText(turn.role === 'user' ? turn.text : assistantMarkdown(turn, words()));
  showStatus(vscode.l10n.t('Copied the message.'));
}

/** Opens the conversation as a new, unsaved Markdown document beside the chat (the user saves it where they like). */
export async function exportTranscript(conversation: ChatViewModel, title: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({
    language: 'markdown',
    content: transcriptMarkdown(conversation, title, words()),
  });
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
