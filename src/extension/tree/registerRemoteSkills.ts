import type * as vscode from 'vscode';

/** Registers the remote skills tree, its commands and the API key commands. (Placeholder until the feature lands.) */
export function registerRemoteSkills(_context: vscode.ExtensionContext, _log: vscode.LogOutputChannel): void {}
