import type * as vscode from 'vscode';

/** Registers SKILL.md diagnostics, completions, hovers, quick fixes and budget lenses. (Placeholder until the feature lands.) */
export function registerLintFeatures(_context: vscode.ExtensionContext, _log: vscode.LogOutputChannel): void {}
