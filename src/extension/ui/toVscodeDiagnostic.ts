import * as vscode from 'vscode';
import { RULE_DOCS_FILE } from '../../core/skill/rules';
import type { Diagnostic, Range, Severity } from '../../core/skill/types';

/** The `source` of every Skillsmith diagnostic, so they stand apart from VS Code's own SKILL.md validator. */
export const DIAGNOSTIC_SOURCE = 'skillsmith';

const SEVERITIES: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A core range as a VS Code range. */
export function toVscodeRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A core diagnostic as a VS Code diagnostic whose code links to the rule's documentation in the extension. */
export function toVscodeDiagnostic(diagnostic: Diagnostic, extensionUri: vscode.Uri): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toVscodeRange(diagnostic.range), diagnostic.message, SEVERITIES[diagnostic.severity]);
  result.source = DIAGNOSTIC_SOURCE;
  result.code = {
    value: diagnostic.rule,
    target: vscode.Uri.joinPath(extensionUri, RULE_DOCS_FILE).with({ fragment: diagnostic.rule }),
  };
  return result;
}

/** Whether a VS Code diagnostic came from `core` (same rule, same range). */
export function isSameDiagnostic(vscodeDiagnostic: vscode.Diagnostic, core: Diagnostic): boolean {
  const code = vscodeDiagnostic.code;
  const rule = typeof code === 'object' ? code.value : code;
  return vscodeDiagnostic.source === DIAGNOSTIC_SOURCE && rule === core.rule && vscodeDiagnostic.range.isEqual(toVscodeRange(core.range));
}
