import * as vscode from 'vscode';
import { keyInfo } from '../../core/skill/frontmatterKeys';
import { parseSkillMd } from '../../core/skill/parse';
import { formatCount } from '../../core/text/count';
import { entryWithKeyAt, isInFrontmatter } from './frontmatterPosition';
import type { FolderSettings } from '../services/skillFolders/skillFolders';
import { toVscodeRange } from '../ui/toVscodeDiagnostic';

/** Explains a frontmatter key on hover: what it means, its limits, the current length, and whether the profile allows it. */
export class FrontmatterHovers implements vscode.HoverProvider {
  constructor(private readonly settings: FolderSettings) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const parsed = parseSkillMd(document.getText());
    if (!isInFrontmatter(parsed, position.line)) return undefined;
    const entry = entryWithKeyAt(parsed, position);
    const info = entry && keyInfo(entry.key);
    if (!entry || !info) return undefined;
    const markdown = new vscode.MarkdownString(info.summary);
    if (info.limit !== undefined && typeof entry.value === 'string') {
      const length = entry.value.length;
      const over = length > info.limit ? ` ${vscode.l10n.t('(over the limit)')}` : '';
      markdown.appendMarkdown(`\n\n${vscode.l10n.t('Length: {0} / {1} characters', formatCount(length), formatCount(info.limit))}${over}`);
    }
    const profile = this.settings.profileOf(document.uri);
    if (!info.profiles.includes(profile)) {
      markdown.appendMarkdown(`\n\n${vscode.l10n.t('Not valid in the `{0}` profile (`skillsmith.lint.profile`).', profile)}`);
    }
    return new vscode.Hover(markdown, toVscodeRange(entry.keyRange));
  }
}
