import * as vscode from 'vscode';
import { KeyedDebounce } from '../../core/async/keyedDebounce';
import { isSecurityRule, severityOf } from '../../core/skill/rules';
import { scanText } from '../../core/skill/security/scanText';
import { lintSkillFolder } from '../../core/skill/folder';
import type { Diagnostic } from '../../core/skill/types';
import type { FolderSettings } from '../services/skillFolders/skillFolders';
import { toVscodeDiagnostic } from '../ui/toVscodeDiagnostic';
import type { FolderListings } from './folderListings';
import { isLintable } from '../services/skillFolders/skillMdName';

/** How many folders above an open file are searched for the SKILL.md of its skill. */
const MAX_SKILL_DEPTH = 6;

/**
 * Owns the security findings of a skill's other files (scripts, references): the findings of an open file that an
 * upload of its skill would carry, kept as it is edited, and those a *Scan Skill* put on every file of a folder.
 * SKILL.md's own findings come with its lint (`SkillDiagnostics`).
 */
export class SecurityDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('skillsmith-security');
  private readonly typing = new KeyedDebounce(200);

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly listings: FolderListings,
    private readonly settings: FolderSettings,
  ) {}

  /** Scans an open document when it belongs to a skill folder and travels with its uploads; clears it otherwise. */
  async scanDocument(document: vscode.TextDocument): Promise<void> {
    if (document.uri.scheme !== 'file' || isLintable(document.uri)) return;
    const version = document.version;
    const skill = await skillFolderOf(document.uri);
    const relative = skill && relativeTo(skill, document.uri);
    const listing = skill && (await this.listings.get(skill));
    if (document.isClosed || document.version !== version) return;
    if (!skill || !relative || !listing?.index.has(relative)) {
      this.collection.delete(document.uri);
      return;
    }
    const profile = this.settings.profileOf(document.uri);
    const findings = scanText(document.getText(), { relativePath: relative, isSkillMd: false });
    this.set(document.uri, withSeverities(findings, profile));
  }

  /** Scans `document` once typing has paused (200 ms); a newer call for the same document replaces this one. */
  schedule(document: vscode.TextDocument, onError: (error: unknown) => void): void {
    this.typing.schedule(document.uri.toString(), () => void this.scanDocument(document).catch(onError));
  }

  /** Drops the findings of a closed document. */
  forget(uri: vscode.Uri): void {
    this.typing.cancel(uri.toString());
    this.collection.delete(uri);
  }

  /**
   * Scans every file an upload of `folder` carries (SKILL.md's findings included) under the folder's profile and
   * puts each file's findings on it in the Problems panel. Resolves to the findings, each with its file.
   */
  scanFolder(folder: vscode.Uri): Diagnostic[] {
    const result = lintSkillFolder(folder.fsPath, { profile: this.settings.profileOf(folder) });
    const security = result.diagnostics.filter((d) => isSecurityRule(d.rule));
    const byFile = new Map<string, { uri: vscode.Uri; found: Diagnostic[] }>();
    for (const d of security) {
      const uri =
        d.file !== undefined
          ? vscode.Uri.joinPath(folder, ...d.file.split('/'))
          : vscode.Uri.file(result.file ?? vscode.Uri.joinPath(folder, 'SKILL.md').fsPath);
      const entry = byFile.get(uri.toString()) ?? { uri, found: [] };
      entry.found.push(d);
      byFile.set(uri.toString(), entry);
    }
    for (const { uri, found } of byFile.values()) this.set(uri, found);
    return security;
  }

  dispose(): void {
    this.typing.cancelAll();
    this.collection.dispose();
  }

  private set(uri: vscode.Uri, diagnostics: readonly Diagnostic[]): void {
    this.collection.set(
      uri,
      diagnostics.map((d) => toVscodeDiagnostic(d, this.extensionUri)),
    );
  }
}

/** The findings with the severity of each rule under `profile`; rules off under it are dropped. */
function withSeverities(findings: readonly Omit<Diagnostic, 'severity'>[], profile: Parameters<typeof severityOf>[1]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const severity = severityOf(f.rule, profile);
    if (severity !== 'off') out.push({ ...f, severity });
  }
  return out;
}

/** The nearest folder above `file` that holds a SKILL.md (within MAX_SKILL_DEPTH levels and the workspace folder), or undefined. */
async function skillFolderOf(file: vscode.Uri): Promise<vscode.Uri | undefined> {
  const root = vscode.workspace.getWorkspaceFolder(file)?.uri;
  let folder = vscode.Uri.joinPath(file, '..');
  for (let depth = 0; depth < MAX_SKILL_DEPTH; depth++) {
    const found = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, 'SKILL.md')).then(
      () => true,
      () => false,
    );
    if (found) return folder;
    if (root && folder.toString() === root.toString()) return undefined;
    const parent = vscode.Uri.joinPath(folder, '..');
    if (parent.toString() === folder.toString()) return undefined;
    folder = parent;
  }
  return undefined;
}

/** `file`'s POSIX path relative to `folder`, or undefined when it is not below it. */
function relativeTo(folder: vscode.Uri, file: vscode.Uri): string | undefined {
  const prefix = `${folder.path.replace(/\/$/, '')}/`;
  return file.path.startsWith(prefix) ? file.path.slice(prefix.length) : undefined;
}
