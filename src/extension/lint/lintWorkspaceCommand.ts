import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';
import type { Diagnostic } from '../../core/skill/types';
import type { SkillDiagnostics } from './skillDiagnostics';
import { messageOf } from '../../core/messageOf';
import type { SkillFolders } from '../services/skillFolders/skillFolders';

/** "Lint All Skills in Workspace": lints every SKILL.md into the Problems panel, with cancellable progress. */
export async function lintWorkspaceCommand(
  diagnostics: SkillDiagnostics,
  folders: SkillFolders,
  log: vscode.LogOutputChannel,
): Promise<void> {
  const started = Date.now();
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Linting skills'), cancellable: true },
    async (progress, token) => {
      const files = await folders.skillMdFiles();
      const found: Diagnostic[] = [];
      let linted = 0;
      for (const file of files) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(file), increment: 100 / files.length });
        try {
          found.push(...(await diagnostics.lintFile(file)));
        } catch (error) {
          log.warn(`Could not read ${file.toString(true)}: ${messageOf(error)}`);
        }
        linted++;
      }
      return { linted, total: files.length, found, cancelled: token.isCancellationRequested };
    },
  );
  log.info(`Workspace lint: ${outcome.linted} of ${outcome.total} SKILL.md files in ${Date.now() - started} ms`);
  void vscode.window.showInformationMessage(summary(outcome));
}

function summary(outcome: { linted: number; total: number; found: readonly Diagnostic[]; cancelled: boolean }): string {
  const errors = outcome.found.filter((finding) => finding.severity === 'error').length;
  const warnings = outcome.found.filter((finding) => finding.severity === 'warning').length;
  if (outcome.total === 0) return vscode.l10n.t('No SKILL.md files in this workspace.');
  const counts = `${errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', formatCount(errors))}, ${
    warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', formatCount(warnings))
  }`;
  if (outcome.cancelled)
    return vscode.l10n.t('Lint cancelled after {0} of {1} skills: {2}.', formatCount(outcome.linted), formatCount(outcome.total), counts);
  return outcome.linted === 1
    ? vscode.l10n.t('Linted 1 skill: {0}.', counts)
    : vscode.l10n.t('Linted {0} skills: {1}.', formatCount(outcome.linted), counts);
}
