/** The results of `skillsmith lint` as data: the JSON document, shared by the other formats. */
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

/** The `--format json` document. Paths are relative to the working folder. */
export interface LintReport {
  readonly version: 1;
  readonly profile: Profile;
  readonly skills: { readonly dir: string; readonly file: string | null; readonly diagnostics: ReportedDiagnostic[] }[];
  readonly summary: { readonly skills: number; readonly errors: number; readonly warnings: number };
}

/** Builds the report of every linted folder. */
export function buildLintReport(results: readonly SkillFolderResult[], profile: Profile, cwd: string): LintReport {
  const skills = results.map((r) => ({
    dir: relative(cwd, r.dir),
    file: r.file === undefined ? null : relative(cwd, r.file),
    diagnostics: r.diagnostics.map(toReported),
  }));
  const all = skills.flatMap((s) => s.diagnostics);
  return {
    version: 1,
    profile,
    skills,
    summary: {
      skills: skills.length,
      errors: all.filter((d) => d.severity === 'error').length,
      warnings: all.filter((d) => d.severity === 'warning').length,
    },
  };
}

function toReported(d: Diagnostic): ReportedDiagnostic {
  const { start, end } = d.range;
  return { rule: d.rule, severity: d.severity, message: d.message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** `target` relative to `cwd`, with forward slashes; `.` for the folder itself. */
function relative(cwd: string, target: string): string {
  const fromCwd = path.isAbsolute(target) ? path.relative(cwd, target) : path.normalize(target);
  return fromCwd.split(path.sep).join('/') || '.';
}
