import * as vscode from 'vscode';
import { keysForProfile, type KeyInfo } from '../../core/skill/frontmatterKeys';
import { parseSkillMd } from '../../core/skill/parse';
import type { Profile } from '../../core/skill/types';
import { isInFrontmatter } from './frontmatterPosition';
import type { FolderSettings } from '../services/skillFolders/skillFolders';

/** A key being typed at the start of a line: `desc|`. */
const TYPING_KEY = /^[A-Za-z_-]*$/;
/** A value being typed after a top-level key: `context: f|`. */
const TYPING_VALUE = /^([A-Za-z_-]+):[ \t]*(\S*)$/;

/** Completes frontmatter keys valid in the profile (and not yet present), and values where they are finite. */
export class FrontmatterCompletions implements vscode.CompletionItemProvider {
  /** Typing the space after `key:` asks for its values. */
  static readonly triggerCharacters: readonly string[] = [' '];

  constructor(private readonly settings: FolderSettings) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const parsed = parseSkillMd(document.getText());
    if (!isInFrontmatter(parsed, position.line)) return [];
    const profile = this.settings.profileOf(document.uri);
    const typed = document.lineAt(position.line).text.slice(0, position.character);
    const value = TYPING_VALUE.exec(typed);
    if (value) {
      const info = keysForProfile(profile).find((candidate) => candidate.key === value[1]);
      const range = new vscode.Range(position.translate(0, -value[2].length), position);
      return (info?.values ?? []).map((text) => valueItem(text, range, profile));
    }
    if (!TYPING_KEY.test(typed)) return [];
    const present = new Set(parsed.entries.filter((entry) => entry.keyRange.start.line !== position.line).map((entry) => entry.key));
    const range = new vscode.Range(position.line, 0, position.line, position.character);
    return keysForProfile(profile)
      .filter((info) => !present.has(info.key))
      .map((info) => keyItem(info, range, profile));
  }
}

/** Completion details say where they come from, beside VS Code's own SKILL.md suggestions. */
function detailFor(profile: Profile): string {
  return vscode.l10n.t('Skillsmith ({0} profile)', profile);
}

function keyItem(info: KeyInfo, range: vscode.Range, profile: Profile): vscode.CompletionItem {
  const item = new vscode.CompletionItem(info.key, vscode.CompletionItemKind.Property);
  item.insertText = `${info.key}: `;
  item.range = range;
  item.detail = detailFor(profile);
  item.documentation = new vscode.MarkdownString(info.summary);
  if (info.values) item.command = { title: '', command: 'editor.action.triggerSuggest' };
  return item;
}

function valueItem(text: string, range: vscode.Range, profile: Profile): vscode.CompletionItem {
  const item = new vscode.CompletionItem(text, vscode.CompletionItemKind.EnumMember);
  item.range = range;
  item.detail = detailFor(profile);
  return item;
}
