import * as vscode from 'vscode';
import type { Diagnostic, Fix } from '../../core/skill/types';
import { fixAllEdit } from './fixAllEdit';
import type { FolderListings } from './folderListings';
import { folderOf, lintSkillText } from './lintSkillText';
import { RENAME_COMMAND } from './renameResource';
import type { FolderSettings } from '../services/skillFolders/skillFolders';
import { SKILL_MD } from '../../core/skill/skillMdName';
import { isSameDiagnostic, toVscodeDiagnostic, toVscodeRange } from '../ui/toVscodeDiagnostic';

/** The kind of the "fix all" source action, so `editor.codeActionsOnSave` can ask for it by name. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('skillsmith');

/** Quick fixes for Skillsmith diagnostics, one per core fix, and the "fix all" source action. */
export class SkillCodeActions implements vscode.CodeActionProvider {
  /** What this provider offers, declared up front so VS Code asks only when it matters. */
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly listings: FolderListings,
    private readonly extensionUri: vscode.Uri,
    private readonly settings: FolderSettings,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const listing = await this.listings.get(folderOf(document.uri));
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.intersects(vscode.CodeActionKind.QuickFix)) {
      for (const finding of lintSkillText(this.settings, document.uri, document.getText(), listing)) {
        // Match the Problems entry when VS Code passed it; otherwise the fresh finding under the range counts,
        // so a fix is offered even before the diagnostics have reached the editor.
        const shown = context.diagnostics.find((candidate) => isSameDiagnostic(candidate, finding));
        if (shown) actions.push(...quickFixes(document, finding, shown));
        else if (range.intersection(toVscodeRange(finding.range))) {
          actions.push(...quickFixes(document, finding, toVscodeDiagnostic(finding, this.extensionUri)));
        }
      }
    }
    mergeSameFixes(actions);
    if (context.only?.intersects(FIX_ALL_KIND)) {
      const edit = fixAllEdit(this.settings, document, listing);
      if (edit) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all SKILL.md problems'), FIX_ALL_KIND);
        action.edit = edit;
        actions.push(action);
      }
    }
    return actions;
  }
}

/** What an action does, as text: two actions with the same key change the same things the same way. */
function effectKey(action: vscode.CodeAction): string {
  const edits = (action.edit?.entries() ?? []).flatMap(([uri, textEdits]) =>
    textEdits.map(
      ({ range: r, newText }) => `${uri.toString()}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}=${newText}`,
    ),
  );
  return JSON.stringify([edits, action.command?.command, action.command?.arguments?.map(String)]);
}

/**
 * Two findings can offer the same change (a title-case name breaks both `name-format` and `name-dir-mismatch`, and
 * both offer its slug): keep the first action for each change, answering every diagnostic it fixes, in place.
 */
function mergeSameFixes(actions: vscode.CodeAction[]): void {
  const byEffect = new Map<string, vscode.CodeAction>();
  let kept = 0;
  for (const action of actions) {
    const key = effectKey(action);
    const first = byEffect.get(key);
    if (first) {
      first.diagnostics = [...(first.diagnostics ?? []), ...(action.diagnostics ?? [])];
      first.isPreferred = first.isPreferred === true || action.isPreferred === true;
      continue;
    }
    byEffect.set(key, action);
    actions[kept++] = action;
  }
  actions.length = kept;
}

/** The quick fixes of one finding; a mis-cased file name gets a rename even though the core has no text fix for it. */
function quickFixes(document: vscode.TextDocument, finding: Diagnostic, shown: vscode.Diagnostic): vscode.CodeAction[] {
  const actions = finding.fixes.map((fix) => quickFix(document, fix, shown));
  if (finding.rule === 'skill-md-case') {
    const action = new vscode.CodeAction(vscode.l10n.t('Rename the file to {0}', SKILL_MD), vscode.CodeActionKind.QuickFix);
    action.command = { title: action.title, command: RENAME_COMMAND, arguments: [document.uri, SKILL_MD] };
    action.diagnostics = [shown];
    action.isPreferred = true;
    actions.push(action);
  }
  return actions;
}

function quickFix(document: vscode.TextDocument, fix: Fix, shown: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [shown];
  action.isPreferred = fix.isPreferred === true;
  if (fix.edits.length > 0) {
    action.edit = new vscode.WorkspaceEdit();
    action.edit.set(
      document.uri,
      fix.edits.map((edit) => new vscode.TextEdit(toVscodeRange(edit.range), edit.newText)),
    );
  }
  if (fix.renameFolderTo !== undefined) {
    action.command = { title: fix.title, command: RENAME_COMMAND, arguments: [folderOf(document.uri), fix.renameFolderTo] };
  }
  return action;
}
