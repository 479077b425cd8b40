import * as vscode from 'vscode';
import { SKILL_MD } from '../../core/skill/skillMdName';
import type { Diagnostic } from '../../core/skill/types';
import { formatCount } from '../../core/text/count';
import { displayPath } from './displayPath';
import { plainLabel } from './plainLabel';
import { toVscodeRange } from './toVscodeDiagnostic';

/** A lint finding as the publish and export previews list it: what, by which rule, and where (openable at its line). */
export interface PreviewFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The file the finding is in: SKILL.md, or the script or reference it was found in. */
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
}

/** A preview row that opens a finding when accepted. */
export type FindingItem = vscode.QuickPickItem & { readonly finding: PreviewFinding };

/**
 * The errors and warnings of a prepared upload of `folder` (infos are left out), errors first, each on its file:
 * `skillMd` (absolute) for SKILL.md's own findings.
 */
export function previewFindingsOf(folder: vscode.Uri, diagnostics: readonly Diagnostic[], skillMd: string | undefined): PreviewFinding[] {
  const findings: PreviewFinding[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'info') continue;
    const uri =
      diagnostic.file !== undefined
        ? vscode.Uri.joinPath(folder, ...diagnostic.file.split('/'))
        : skillMd !== undefined
          ? vscode.Uri.file(skillMd)
          : vscode.Uri.joinPath(folder, SKILL_MD);
    findings.push({
      rule: diagnostic.rule,
      severity: diagnostic.severity,
      message: diagnostic.message,
      uri,
      range: toVscodeRange(diagnostic.range),
    });
  }
  const rank = (finding: PreviewFinding): number => (finding.severity === 'error' ? 0 : 1);
  return findings.sort((a, b) => rank(a) - rank(b));
}

/**
 * The findings' rows under a heading per severity: the errors that block the publish or export (`purpose`), then
 * the warnings that do not.
 * Each row names the file and line (workspace-relative), the rule, and the message.
 */
export function findingItems(findings: readonly PreviewFinding[], purpose: 'publish' | 'export'): (vscode.QuickPickItem | FindingItem)[] {
  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.severity === 'warning');
  const heading = (label: string): vscode.QuickPickItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  return [
    ...(errors.length === 0
      ? []
      : [
          heading(
            purpose === 'publish'
              ? errors.length === 1
                ? vscode.l10n.t('1 error to fix before publishing')
                : vscode.l10n.t('{0} errors to fix before publishing', formatCount(errors.length))
              : errors.length === 1
                ? vscode.l10n.t('1 error to fix before exporting')
                : vscode.l10n.t('{0} errors to fix before exporting', formatCount(errors.length)),
          ),
        ]),
    ...errors.map(findingItem),
    ...(warnings.length === 0
      ? []
      : [heading(warnings.length === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', formatCount(warnings.length)))]),
    ...warnings.map(findingItem),
  ];
}

/** A finding's row: `$(error) scripts/report.sh:3`, the rule beside it, the message under it. */
function findingItem(finding: PreviewFinding): FindingItem {
  return {
    label: `$(${finding.severity}) ${plainLabel(whereOf(finding))}`,
    description: finding.rule,
    detail: plainLabel(finding.message),
    finding,
  };
}

/** "phones-home/scripts/report.sh:3": the file relative to the workspace, and the 1-based line. */
function whereOf(finding: PreviewFinding): string {
  return `${displayPath(finding.uri)}:${finding.range.start.line + 1}`;
}

/**
 * Opens the finding's file with the finding selected. `keepFocus` leaves the focus where it is (the preview stays
 * open above the editor, to publish or cancel).
 */
export async function openFinding(finding: PreviewFinding, keepFocus: boolean): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(finding.uri, { selection: finding.range, preserveFocus: keepFocus, preview: true });
}
