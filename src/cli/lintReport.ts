/** The results of `skillsmith lint` as data (the JSON document), and the writers that print them piece by piece. */
import { isAbsolute, normalize, relative, sep } from 'node:path';
import type { SkillFolderResult } from '../core/skill/folder';
import type { Diagnostic, Profile, RuleId, Severity } from '../core/skill/types';

/** One diagnostic with 1-based lines and columns (end column exclusive). */
export interface ReportedDiagnostic {
  /** The file it is in, relative to the working folder, when that is not the skill's SKILL.md (a script, a reference). */
  readonly file?: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** One linted skill folder. Paths are relative to the working folder. */
export interface ReportedSkill {
  readonly dir: string;
  readonly file: string | null;
  readonly diagnostics: ReportedDiagnostic[];
}

/** The totals of a report. */
export interface LintSummary {
  skills: number;
  errors: number;
  warnings: number;
}

/** The `--format json` document. */
export interface LintReport {
  readonly version: 1;
  readonly profile: Profile;
  readonly skills: ReportedSkill[];
  readonly summary: LintSummary;
}

/**
 * Prints a report as it is made, one skill at a time, so no output is ever held whole in one string (a report
 * of millions of findings would not fit in one).
 */
export interface ReportWriter {
  skill(skill: ReportedSkill): void;
  end(summary: LintSummary): void;
}

/** The report entry of one linted folder, its paths made relative by `paths`. */
export function reportSkill(result: SkillFolderResult, paths: RelativePaths): ReportedSkill {
  const dir = paths.of(result.dir);
  return {
    dir,
    file: result.file === undefined ? null : paths.fileIn(result.dir, dir, result.file),
    diagnostics: result.diagnostics.map((d) => toReported(d, dir)),
  };
}

/**
 * Paths made relative to one working folder, with forward slashes (`.` for the folder itself). The folders of one
 * run come in order, siblings together, and each folder's file right after it: the last parent made relative is
 * remembered, and a file is named from its folder, so a run of thousands of folders does not pay `path.relative`
 * for each path.
 */
export class RelativePaths {
  private lastParent: { readonly path: string; readonly relative: string } | undefined;

  constructor(private readonly cwd: string) {}

  /** `target` relative to the working folder. */
  of(target: string): string {
    const slash = target.lastIndexOf(sep);
    if (!isPlainName(target, slash)) return relativePath(this.cwd, target);
    const parent = target.slice(0, slash);
    if (this.lastParent?.path !== parent) this.lastParent = { path: parent, relative: relativePath(this.cwd, parent) };
    return below(this.lastParent.relative, target.slice(slash + 1)) ?? relativePath(this.cwd, target);
  }

  /** `file` relative to the working folder, where `folder` (which `of` just gave as `folderRelative`) may hold it. */
  fileIn(folder: string, folderRelative: string, file: string): string {
    const slash = file.lastIndexOf(sep);
    const named = slash === folder.length && file.startsWith(folder) && isPlainName(file, slash);
    return (named ? below(folderRelative, file.slice(slash + 1)) : undefined) ?? this.of(file);
  }
}

/** True when the last segment of `target`, after the separator at `slash`, is a name (not empty, `.` or `..`) below a named folder. */
function isPlainName(target: string, slash: number): boolean {
  const name = target.slice(slash + 1);
  return slash > 0 && target[slash - 1] !== sep && name !== '' && name !== '.' && name !== '..';
}

/**
 * `name` below the folder whose relative path is `folderRelative`; undefined when that folder is above the working
 * one (`..`), where the name may lead back into it.
 */
function below(folderRelative: string, name: string): string | undefined {
  if (folderRelative === '..' || folderRelative.endsWith('/..')) return undefined;
  return folderRelative === '.' ? name : `${folderRelative}/${name}`;
}

/** Adds a skill's findings to the totals. */
export function addToSummary(summary: LintSummary, skill: ReportedSkill): void {
  summary.skills++;
  for (const d of skill.diagnostics) {
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
  }
}

/** The `--format json` writer: the same bytes as `JSON.stringify` of the whole `LintReport`. */
export function jsonWriter(profile: Profile, write: (chunk: string) => void): ReportWriter {
  write(`{"version":1,"profile":${JSON.stringify(profile)},"skills":[`);
  let first = true;
  return {
    skill(skill) {
      write((first ? '' : ',') + skillJson(skill));
      first = false;
    },
    end(summary) {
      write(`],"summary":${JSON.stringify(summary)}}\n`);
    },
  };
}

/**
 * `JSON.stringify(skill)`, written out: a report entry's shape is fixed, its rule ids and severities never need
 * escaping, and a CLI run makes thousands of them before the JIT has warmed up to the generic serialiser.
 */
export function skillJson(skill: ReportedSkill): string {
  let json = `{"dir":${JSON.stringify(skill.dir)},"file":${skill.file === null ? 'null' : JSON.stringify(skill.file)},"diagnostics":[`;
  for (let i = 0; i < skill.diagnostics.length; i++) {
    const d = skill.diagnostics[i];
    json += `${i === 0 ? '' : ','}{${d.file === undefined ? '' : `"file":${JSON.stringify(d.file)},`}"rule":"${d.rule}","severity":"${d.severity}","message":${JSON.stringify(d.message)},"line":${d.line},"column":${d.column},"endLine":${d.endLine},"endColumn":${d.endColumn}}`;
  }
  return json + ']}';
}

/** `d` with 1-based positions; a finding in another file of the skill (at `dir`, relative) names that file. */
function toReported(d: Diagnostic, dir: string): ReportedDiagnostic {
  const { start, end } = d.range;
  const reported = {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
  return d.file === undefined ? reported : { file: dir === '.' ? d.file : `${dir}/${d.file}`, ...reported };
}

/** `target` relative to `cwd` (a relative `target` is only normalised), with forward slashes; `.` for the folder itself. */
export function relativePath(cwd: string, target: string): string {
  const inside = target.startsWith(cwd) && target[cwd.length] === sep && normalize(target) === target;
  const fromCwd = inside ? target.slice(cwd.length + 1) : isAbsolute(target) ? relative(cwd, target) : normalize(target);
  return fromCwd.split(sep).join('/') || '.';
}
