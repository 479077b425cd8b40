import * as vscode from 'vscode';
import type { Labels } from '../../shared/chat/protocol';

/** The webview's texts in the display language (the page itself has no `vscode.l10n`). */
export function chatLabels(): Labels {
  return {
    send: vscode.l10n.t('Send'),
    stop: vscode.l10n.t('Stop'),
    newConversation: vscode.l10n.t('New Conversation'),
    exportMarkdown: vscode.l10n.t('Export as Markdown'),
    addSkill: vscode.l10n.t('Add Skill…'),
    removeSkill: vscode.l10n.t('Remove skill'),
    version: vscode.l10n.t('Version'),
    latest: vscode.l10n.t('latest'),
    model: vscode.l10n.t('Model'),
    maxTokens: vscode.l10n.t('Max tokens'),
    systemPrompt: vscode.l10n.t('System prompt'),
    promptPlaceholder: vscode.l10n.t('Ask Claude to use the skills (Enter sends, Shift+Enter for a new line)'),
    noSkills: vscode.l10n.t('No skills yet: add one to test it.'),
    you: vscode.l10n.t('You'),
    claude: vscode.l10n.t('Claude'),
    copy: vscode.l10n.t('Copy'),
    saveToWorkspace: vscode.l10n.t('Save to Workspace…'),
    tokens: vscode.l10n.t('Tokens'),
    tokenCounts: vscode.l10n.t('{0} in, {1} out'),
    cacheCounts: vscode.l10n.t('cache: {0} read, {1} written'),
    container: vscode.l10n.t('Container'),
    skillVersions: vscode.l10n.t('Skill versions'),
    continuations: vscode.l10n.t('Continued after pause'),
    stopReason: vscode.l10n.t('Stop reason'),
    requestId: vscode.l10n.t('Request id'),
    setApiKey: vscode.l10n.t('Set API Key…'),
    toolInput: vscode.l10n.t('Input'),
    stdout: vscode.l10n.t('Output'),
    stderr: vscode.l10n.t('Errors'),
    returnCode: vscode.l10n.t('Return code'),
    toolError: vscode.l10n.t('Tool error'),
    running: vscode.l10n.t('running…'),
    stopped: vscode.l10n.t('Stopped'),
    emptyConversation: vscode.l10n.t('Pick the skills to test, then send a prompt.'),
    file: vscode.l10n.t('File'),
    uploaded: vscode.l10n.t('Uploaded file'),
  };
}
