import * as vscode from 'vscode';
import { KeyedDebounce } from '../../core/async/keyedDebounce';
import { isSecurityRule, severityOf } from '../../core/skill/rules';
import { scanText } from '../../core/skill/security/scanText';
import type { SkillFile } from '../../core/bundle/collectSkillFiles';
import type { FileSet } from '../../core/bundle/fileSet';
import { scanSkillFile } from '../../core/skill/folder';
import { lintSkillFolderInSteps, type LintInStepsOptions } from '../../core/skill/lintFolderInSteps';
import { lintFileSet } from '../../core/skill/lintFileSet';
import { SKILL_MD } from '../../core/skill/skillMdName';
import type { Diagnostic } from '../../core/skill/types';
import { toVscodeDiagnostic } from '../ui/toVscodeDiagnostic';
import type { SkillFolders } from '../services/skillFolders/skillFolders';
import type { FolderListings } from './folderListings';
import { isAtOrUnder } from '../services/skillFolders/heardEvents';
import { isLintable } from '../services/skillFolders/skillMdName';

/** The files a *Scan Skill* of a local folder read, by URI string: each is scanned again when closed or written. */
type ScannedFiles = Map<string, { readonly uri: vscode.Uri; readonly file: SkillFile; readonly folder: vscode.Uri }>;

/** What a *Scan Skill* of a local folder found: its security findings, each with its file, and its SKILL.md. */
export interface FolderScan {
  readonly findings: Diagnostic[];
  /** The folder's SKILL.md: its findings are its lint's (`SkillDiagnostics`), not put here. */
  readonly skillMd: vscode.Uri | undefined;
}

/**
 * The one owner of what a skill's other files (scripts, references) show in the Problems panel: the security
 * findings of an open file that an upload of its skill would carry, kept as it is edited; those a *Scan Skill* put on
 * every file of a folder, kept until the next scan of the folder or a change of the file (an editor's text while one
 * is open, the saved text once it closes, nothing once deleted). SKILL.md's own findings come with its lint
 * (`SkillDiagnostics`); only a remote version's SKILL.md has its scan's findings here, while no editor has it open.
 */
export class SecurityDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('skillsmith-security');
  private readonly typing = new KeyedDebounce(200);
  private readonly scannedFiles: ScannedFiles = new Map();
  /** The local folders a *Scan Skill* covered, and every folder of theirs holding a file it read (URI strings). */
  private readonly scannedRoots = new Set<string>();
  private readonly scannedDirs = new Set<string>();
  /** The files of remote versions a *Scan Skill* put findings on (URI strings): read-only, so those stay as found. */
  private readonly scannedVersionFiles = new Set<string>();
  /**
   * The scan's findings on remote versions' SKILL.md files, by URI string: shown while the file is closed; while an
   * editor has it open, its own lint (`SkillDiagnostics`) shows the same findings, so they are not listed twice.
   */
  private readonly versionSkillMds = new Map<string, readonly vscode.Diagnostic[]>();

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
    if (this.versionSkillMds.has(document.uri.toString())) this.collection.delete(document.uri); // its editor lint shows them
    this.typing.schedule(document.uri.toString(), () => void this.scanDocument(document).catch(onError));
  }

  /**
   * A document closed: a file a *Scan Skill* covered shows the findings of its saved text again (what was typed and
   * not saved is gone; a remote version's file keeps the findings as found); any other file shows none.
   */
  closed(uri: vscode.Uri): void {
    this.typing.cancel(uri.toString());
    const skillMdFindings = this.versionSkillMds.get(uri.toString());
    if (skillMdFindings) this.collection.set(uri, skillMdFindings);
    if (this.scannedVersionFiles.has(uri.toString())) return;
    if (!this.rescanSaved(uri)) this.collection.delete(uri);
  }

  /**
   * A file or folder was written on disk (by any program): each file a *Scan Skill* covered at or under it that no
   * editor has open (the text an editor shows is scanned as it changes) shows the findings of what is on disk now. A
   * folder's event stands for its files' (the watcher folds the events of a folder made or replaced into one). Files
   * are read and scanned at once, so an event that comes late only reads them as they are now.
   */
  changedOnDisk(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.scannedFiles.has(key)) {
      if (!isOpen(uri)) this.rescanSaved(uri);
      return;
    }
    const holdsScanned = this.scannedDirs.has(key) || [...this.scannedRoots].some((root) => isAtOrUnder(root, uri));
    if (!holdsScanned) return;
    const open = new Set(openFiles());
    for (const [file, { uri: fileUri }] of this.scannedFiles) if (isAtOrUnder(file, uri) && !open.has(file)) this.rescanSaved(fileUri);
  }

  /** Whether a *Scan Skill* of a local folder read `uri` (its findings outlive its editor). */
  covers(uri: vscode.Uri): boolean {
    return this.scannedFiles.has(uri.toString());
  }

  /** Drops the findings of `uri` and of every file below it: it was deleted. */
  forgetUnder(uri: vscode.Uri): void {
    this.dropUnder(uri, () => false);
  }

  /**
   * Scans every file an upload of `folder` carries under the folder's profile, a file at a time (`options` tells the
   * progress and can stop it), then puts each file's findings on it in the Problems panel in place of what an earlier
   * scan found there; a file open in an editor keeps those of the text it shows. A scan stopped or failed changes
   * nothing. Resolves to every security finding, SKILL.md's included.
   */
  async scanFolder(folder: vscode.Uri, options: Omit<LintInStepsOptions, 'profile'> = {}): Promise<FolderScan> {
    const result = await lintSkillFolderInSteps(folder.fsPath, { ...options, profile: this.folders.profileOf(folder) });
    const open = new Set(openFiles());
    this.dropUnder(folder, (uri) => open.has(uri));
    this.scannedRoots.add(folder.toString());
    for (const file of result.collected.files) {
      const uri = vscode.Uri.joinPath(folder, ...file.relativePath.split('/'));
      this.scannedFiles.set(uri.toString(), { uri, file, folder });
      for (let dir = vscode.Uri.joinPath(uri, '..'); isAtOrUnder(dir.toString(), folder); dir = vscode.Uri.joinPath(dir, '..')) {
        if (this.scannedDirs.has(dir.toString())) break;
        this.scannedDirs.add(dir.toString());
      }
    }
    const skillMd = result.file !== undefined ? vscode.Uri.file(result.file) : undefined;
    const findings = this.show(result.diagnostics, (file) =>
      file === undefined ? undefined : uriUnless(vscode.Uri.joinPath(folder, ...file.split('/')), open),
    );
    return { findings, skillMd };
  }

  /**
   * Scans every file of a downloaded version (`set`) under the `claude-api` profile, where it was published, and puts
   * each file's findings on it in the Problems panel, at `uriOf(path)` (`path` relative to the set's folder).
   */
  scanFileSet(set: FileSet, uriOf: (path: string) => vscode.Uri): Diagnostic[] {
    const result = lintFileSet(set, 'claude-api');
    const found = this.show(result.diagnostics, (file) => {
      const uri = uriOf(file ?? SKILL_MD);
      this.scannedVersionFiles.add(uri.toString());
      return uri;
    });
    const skillMd = uriOf(SKILL_MD);
    this.versionSkillMds.set(skillMd.toString(), this.collection.get(skillMd) ?? []);
    if (isOpen(skillMd)) this.collection.delete(skillMd);
    return found;
  }

  dispose(): void {
    this.typing.cancelAll();
    this.collection.dispose();
  }

  /**
   * Puts the security findings among `diagnostics` on their files (`uriOf` the finding's `file`; undefined where it
   * is not shown here); returns them all.
   */
  private show(diagnostics: readonly Diagnostic[], uriOf: (file: string | undefined) => vscode.Uri | undefined): Diagnostic[] {
    const security = diagnostics.filter((d) => isSecurityRule(d.rule));
    const byFile = new Map<string, { uri: vscode.Uri; found: Diagnostic[] }>();
    for (const d of security) {
      const uri = uriOf(d.file);
      if (!uri) continue;
      const entry = byFile.get(uri.toString()) ?? { uri, found: [] };
      entry.found.push(d);
      byFile.set(uri.toString(), entry);
    }
    for (const { uri, found } of byFile.values()) this.set(uri, found);
    return security;
  }

  /**
   * Shows the findings of the saved text of `uri` when a *Scan Skill* of a local folder read it (none once it cannot be
   * read: gone, or no longer a file); false when no scan did.
   */
  private rescanSaved(uri: vscode.Uri): boolean {
    const scanned = isLintable(uri) ? undefined : this.scannedFiles.get(uri.toString());
    if (!scanned) return false;
    try {
      this.set(uri, scanSkillFile(scanned.file, this.folders.profileOf(scanned.folder)));
    } catch {
      this.collection.delete(uri);
    }
    return true;
  }

  /** Drops the findings, and what the scans know, of `uri` and every file below it, but for those `keep` holds to. */
  private dropUnder(uri: vscode.Uri, keep: (uri: string) => boolean): void {
    const key = uri.toString();
    const prefix = `${key.replace(/\/$/, '')}/`;
    const under = (found: string): boolean => (found === key || found.startsWith(prefix)) && !keep(found);
    const gone: vscode.Uri[] = [];
    this.collection.forEach((found) => {
      if (under(found.toString())) gone.push(found);
    });
    for (const found of gone) this.collection.delete(found);
    for (const found of [...this.scannedFiles.keys()]) if (under(found)) this.scannedFiles.delete(found);
    for (const found of [...this.scannedRoots]) if (under(found)) this.scannedRoots.delete(found);
    for (const found of [...this.scannedDirs]) if (under(found)) this.scannedDirs.delete(found);
    for (const found of [...this.scannedVersionFiles]) if (under(found)) this.scannedVersionFiles.delete(found);
    for (const found of [...this.versionSkillMds.keys()]) if (under(found)) this.versionSkillMds.delete(found);
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

/** The URI strings of the files open in an editor. */
function openFiles(): string[] {
  return vscode.workspace.textDocuments.filter((document) => !document.isClosed).map((document) => document.uri.toString());
}

/** Whether an editor has `uri` open. */
function isOpen(uri: vscode.Uri): boolean {
  return openFiles().includes(uri.toString());
}

/** `uri`, or undefined when `except` holds it. */
function uriUnless(uri: vscode.Uri, except: ReadonlySet<string>): vscode.Uri | undefined {
  return except.has(uri.toString()) ? undefined : uri;
}

/** `file`'s POSIX path relative to `folder`, or undefined when it is not below it. */
function relativeTo(folder: vscode.Uri, file: vscode.Uri): string | undefined {
  const prefix = `${folder.path.replace(/\/$/, '')}/`;
  return file.path.startsWith(prefix) ? file.path.slice(prefix.length) : undefined;
}
