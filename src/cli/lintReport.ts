/** The results of `skillsmith lint` as data (the JSON document), and the writers that print them piece by piece. */
import * as path from 'node:path';
import type { SkillFolderResult } from '../core/skill/folder';
import type { Diagnostic, Profile, RuleId, Severity } from '../core/skill/types';

/** One diagnostic with 1-based lines and columns (end column exclusive). */
export interface ReportedDiagnostic {
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

/** The report entry of one linted folder. */
export function reportSkill(result: SkillFolderResult, cwd: string): ReportedSkill {
  return {
    dir: relative(cwd, result.dir),
    file: result.file === undefined ? null : relative(cwd, result.file),
    diagnostics: result.diagnostics.map(toReported),
  };
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
      write((first ? '' : ',') + JSON.stringify(skill));
      first = false;
    },
    end(summary) {
      write(`],"summary":${JSON.stringify(summary)}}\n`);
    },
  };
}

function toReported(d: Diagnostic): ReportedDiagnostic {
  const { start, end } = d.range;
  return { rule: d.rule, severity: d.severity, message: d.message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** `target` relative to `cwd`, with forward slashes; `.` for the folder itself. */
function relative(cwd: string, target: string): string {
  const inside = target.startsWith(cwd) && target[cwd.length] === path.sep && path.normalize(target) === target;
  const fromCwd = inside ? target.slice(cwd.length + 1) : path.isAbsolute(target) ? path.relative(cwd, target) : path.normalize(target);
  return fromCwd.split(path.sep).join('/') || '.';
}
