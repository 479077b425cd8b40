import type * as vscode from 'vscode';

/** Registers the "Skillsmith: New Skill…" command. (Placeholder until the feature lands.) */
export function registerNewSkillCommand(_context: vscode.ExtensionContext, _log: vscode.LogOutputChannel): void {}
