import * as vscode from 'vscode';
import { KeyedDebounce } from '../../core/async/keyedDebounce';
import { isSecurityRule, severityOf } from '../../core/skill/rules';
import { scanText } from '../../core/skill/security/scanText';
import type { FileSet } from '../../core/bundle/fileSet';
import { lintSkillFolder } from '../../core/skill/folder';
import { lintFileSet } from '../../core/skill/lintFileSet';
import { SKILL_MD } from '../../core/skill/skillMdName';
import type { Diagnostic } from '../../core/skill/types';
import { toVscodeDiagnostic } from '../ui/toVscodeDiagnostic';
import type { SkillFolders } from '../services/skillFolders/skillFolders';
import type { FolderListings } from './folderListings';
import { isLintable } from '../services/skillFolders/skillMdName';

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
    private readonly folders: Pick<SkillFolders, 'holding' | 'profileOf'>,
  ) {}

  /** Scans an open document when it belongs to a skill folder and travels with its uploads; clears it otherwise. */
  async scanDocument(document: vscode.TextDocument): Promise<void> {
    if (document.uri.scheme !== 'file' || isLintable(document.uri)) return;
    const version = document.version;
    const skill = await this.folders.holding(document.uri);
    const relative = skill && relativeTo(skill, document.uri);
    const listing = skill && (await this.listings.get(skill));
    if (document.isClosed || document.version !== version) return;
    if (!skill || !relative || !listing?.index.has(relative)) {
      this.collection.delete(document.uri);
      return;
    }
    const profile = this.folders.profileOf(document.uri);
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

  /** Drops the findings of `uri` and of every file below it: it was deleted. */
  forgetUnder(uri: vscode.Uri): void {
    const prefix = `${uri.toString().replace(/\/$/, '')}/`;
    const gone: vscode.Uri[] = [];
    this.collection.forEach((found) => {
      if (found.toString() === uri.toString() || found.toString().startsWith(prefix)) gone.push(found);
    });
    for (const found of gone) this.collection.delete(found);
  }

  /**
   * Scans every file an upload of `folder` carries (SKILL.md's findings included) under the folder's profile and
   * puts each file's findings on it in the Problems panel, in place of what an earlier scan found there. Resolves to
   * the findings, each with its file.
   */
  scanFolder(folder: vscode.Uri): Diagnostic[] {
    const result = lintSkillFolder(folder.fsPath, { profile: this.folders.profileOf(folder) });
    this.forgetUnder(folder);
    const skillMd = result.file !== undefined ? vscode.Uri.file(result.file) : vscode.Uri.joinPath(folder, SKILL_MD);
    return this.show(result.diagnostics, (file) => (file === undefined ? skillMd : vscode.Uri.joinPath(folder, ...file.split('/'))));
  }

  /**
   * Scans every file of a downloaded version (`set`) under the `claude-api` profile, where it was published, and puts
   * each file's findings on it in the Problems panel, at `uriOf(path)` (`path` relative to the set's folder).
   */
  scanFileSet(set: FileSet, uriOf: (path: string) => vscode.Uri): Diagnostic[] {
    const result = lintFileSet(set, 'claude-api');
    return this.show(result.diagnostics, (file) => uriOf(file ?? SKILL_MD));
  }

  dispose(): void {
    this.typing.cancelAll();
    this.collection.dispose();
  }

  /** Puts the security findings among `diagnostics` on their files (`uriOf` the finding's `file`); returns them. */
  private show(diagnostics: readonly Diagnostic[], uriOf: (file: string | undefined) => vscode.Uri): Diagnostic[] {
    const security = diagnostics.filter((d) => isSecurityRule(d.rule));
    const byFile = new Map<string, { uri: vscode.Uri; found: Diagnostic[] }>();
    for (const d of security) {
      const uri = uriOf(d.file);
      const entry = byFile.get(uri.toString()) ?? { uri, found: [] };
      entry.found.push(d);
      byFile.set(uri.toString(), entry);
    }
    for (const { uri, found } of byFile.values()) this.set(uri, found);
    return security;
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

/** `file`'s POSIX path relative to `folder`, or undefined when it is not below it. */
function relativeTo(folder: vscode.Uri, file: vscode.Uri): string | undefined {
  const prefix = `${folder.path.replace(/\/$/, '')}/`;
  return file.path.startsWith(prefix) ? file.path.slice(prefix.length) : undefined;
}
