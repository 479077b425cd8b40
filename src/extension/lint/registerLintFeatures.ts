import * as vscode from 'vscode';
import type { Services } from '../services/services';
import { BackgroundLint, backgroundLintTriggers } from './backgroundLint';
import { BudgetLenses } from './budgetLenses';
import { fixAllCommand } from './fixAllCommand';
import { FolderListings } from './folderListings';
import { FrontmatterCompletions } from './frontmatterCompletions';
import { FrontmatterHovers } from './frontmatterHovers';
import { lintTriggers } from './lintTriggers';
import { lintWorkspaceCommand } from './lintWorkspaceCommand';
import { RENAME_COMMAND, renameResource } from './renameResource';
import { SkillCodeActions } from './skillCodeActions';
import { scanSkillCommand } from './scanSkillCommand';
import { SecurityDiagnostics } from './securityDiagnostics';
import { isRemoteVersion, scanVersionCommand } from './scanVersionCommand';
import { SkillDiagnostics } from './skillDiagnostics';
import { LINTABLE_SELECTOR, SKILL_MD_SELECTOR } from './skillMdFiles';

/**
 * Registers SKILL.md diagnostics (of open files as they are typed, of every skill folder in the background), the
 * security findings of a skill's other files (open ones, and every file of a scanned folder), completions, hovers,
 * quick fixes and budget lenses.
 */
export function registerLintFeatures(context: vscode.ExtensionContext, { log, folders, archives }: Services): void {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  const listings = new FolderListings(watcher);
  const diagnostics = new SkillDiagnostics(context.extensionUri, listings, log, folders);
  const background = new BackgroundLint(folders, diagnostics, log);
  const security = new SecurityDiagnostics(context.extensionUri, listings, folders);
  const failed = (error: unknown): void => log.error(`A security scan failed: ${error instanceof Error ? error.message : String(error)}`);
  const scanSafely = (document: vscode.TextDocument): void => security.schedule(document, failed);
  vscode.workspace.textDocuments.forEach(scanSafely);
  context.subscriptions.push(
    watcher,
    listings,
    diagnostics,
    background,
    // A closed SKILL.md shows its lint from disk: in the workspace, or anywhere a Scan Skill covered.
    ...lintTriggers(diagnostics, listings, watcher, (uri) =>
      security.covers(uri) ? diagnostics.lintFile(uri).catch(() => diagnostics.clear(uri)) : background.lintClosed(uri),
    ),
    ...backgroundLintTriggers(background, folders, listings),
    security,
    vscode.workspace.onDidOpenTextDocument(scanSafely),
    vscode.workspace.onDidChangeTextDocument((event) => scanSafely(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => security.closed(document.uri)),
    watcher.onDidCreate((uri) => security.changedOnDisk(uri)),
    watcher.onDidChange((uri) => security.changedOnDisk(uri)),
    watcher.onDidDelete((uri) => security.forgetUnder(uri)),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => security.forgetUnder(uri))),
    vscode.commands.registerCommand('skillsmith.scanSkill', (arg?: unknown) =>
      isRemoteVersion(arg)
        ? scanVersionCommand(security, archives, log, arg)
        : scanSkillCommand(security, (uri) => diagnostics.lintFile(uri), folders, log, arg instanceof vscode.Uri ? arg : undefined),
    ),
    vscode.languages.registerCompletionItemProvider(
      SKILL_MD_SELECTOR,
      new FrontmatterCompletions(folders),
      ...FrontmatterCompletions.triggerCharacters,
    ),
    vscode.languages.registerHoverProvider(SKILL_MD_SELECTOR, new FrontmatterHovers(folders)),
    vscode.languages.registerCodeActionsProvider(
      LINTABLE_SELECTOR,
      new SkillCodeActions(listings, context.extensionUri, folders),
      SkillCodeActions.metadata,
    ),
    vscode.languages.registerCodeLensProvider(SKILL_MD_SELECTOR, new BudgetLenses()),
    vscode.commands.registerCommand('skillsmith.lint.fixAll', (uri?: vscode.Uri) => fixAllCommand(listings, folders, uri)),
    vscode.commands.registerCommand('skillsmith.lint.workspace', () => lintWorkspaceCommand(diagnostics, folders, log)),
    vscode.commands.registerCommand(RENAME_COMMAND, (from: vscode.Uri, newName: string) => renameResource(from, newName)),
  );
}
