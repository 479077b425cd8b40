/** How `pack`, `publish` and `diff` show a prepared upload: the files, what is left out and why, the checks. */
import { LEFT_OUT_REASONS } from '../core/bundle/leftOutReason';
import type { PreparedUpload } from '../core/bundle/prepareUpload';
import { formatBytes } from '../core/bundle/uploadChecks';
import { countOf } from '../core/text/count';
import { addToSummary, RelativePaths, reportSkill, type ReportedSkill, type LintSummary } from './lintReport';
import { shouldColour, textWriter } from './lintText';

/** The lint report entry of a prepared upload (profile `claude-api`), paths relative to `cwd`. */
export function checksReport(prepared: PreparedUpload, cwd: string): ReportedSkill {
  return reportSkill({ dir: prepared.dir, file: prepared.skillMd, diagnostics: [...prepared.diagnostics] }, new RelativePaths(cwd));
}

/** The checks as text for a terminal (`stream`), empty when there is nothing to say. */
export function checksText(prepared: PreparedUpload, cwd: string, stream: { readonly isTTY?: boolean }): string {
  if (prepared.diagnostics.length === 0) return '';
  const chunks: string[] = [];
  const writer = textWriter('claude-api', shouldColour(stream, process.env), (chunk) => chunks.push(chunk));
  const skill = checksReport(prepared, cwd);
  const summary: LintSummary = { skills: 0, errors: 0, warnings: 0 };
  addToSummary(summary, skill);
  writer.skill(skill);
  writer.end(summary);
  return chunks.join('');
}

/** Every file with its size, the total against the budget, and every left-out path with why. */
export function fileListText(prepared: PreparedUpload): string {
  const { files, leftOut } = prepared.collected;
  const width = Math.max(0, ...files.map((f) => f.relativePath.length), ...leftOut.map((f) => f.relativePath.length));
  const lines = [
    `${prepared.folderName}: ${countOf(files.length, 'file')}, ${formatBytes(prepared.totalBytes)} of ${formatBytes(prepared.limitBytes)}`,
  ];
  for (const file of files) lines.push(`  ${file.relativePath.padEnd(width)}  ${formatBytes(file.size).padStart(9)}`);
  if (leftOut.length > 0) {
    lines.push('Left out:');
    for (const file of leftOut) lines.push(`  ${file.relativePath.padEnd(width)}  ${LEFT_OUT_REASONS[file.reason]}`);
  }
  return lines.join('\n') + '\n';
}

/** The file list as JSON data, for `--format json`. */
export function fileListJson(prepared: PreparedUpload): {
  file_list: { path: string; size: number }[];
  left_out: { path: string; reason: string }[];
} {
  return {
    file_list: prepared.collected.files.map((f) => ({ path: f.relativePath, size: f.size })),
    left_out: prepared.collected.leftOut.map((f) => ({ path: f.relativePath, reason: f.reason })),
  };
}
