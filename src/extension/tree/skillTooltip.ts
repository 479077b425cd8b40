import * as vscode from 'vscode';
import type { Skill } from '../../core/api/types';
import { relativeTime } from '../ui/relativeTime';

/**
 * A skill's tooltip: id, source, latest version and dates. Untrusted Markdown (no command links, no HTML);
 * every value from the service goes through `appendText`, which escapes it.
 */
export function skillTooltip(skill: Skill): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  tooltip.appendMarkdown('**');
  tooltip.appendText(skill.title || skill.id);
  tooltip.appendMarkdown('**\n\n');
  const rows: Array<[string, string]> = [
    [vscode.l10n.t('ID'), skill.id],
    [vscode.l10n.t('Source'), skill.source],
    [vscode.l10n.t('Latest version'), skill.latestVersion ?? vscode.l10n.t('none')],
    [vscode.l10n.t('Created'), `${relativeTime(skill.createdAt)} (${skill.createdAt})`],
    [vscode.l10n.t('Updated'), `${relativeTime(skill.updatedAt)} (${skill.updatedAt})`],
  ];
  for (const [label, value] of rows) {
    tooltip.appendText(`${label}: ${value}`);
    tooltip.appendMarkdown('  \n');
  }
  return tooltip;
}
