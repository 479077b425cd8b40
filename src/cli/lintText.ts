/** `skillsmith lint --format text`: findings grouped by file, for people. */
import type { LintReport, ReportedDiagnostic } from './lintReport';

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

/** Whether to colour output: only on a terminal, and never when NO_COLOR is set. */
export function shouldColour(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/** The report as text. */
export function formatText(report: LintReport, colour: boolean): string {
  const paint = (style: keyof typeof COLOURS, text: string): string => (colour ? COLOURS[style] + text + COLOURS.reset : text);
  const out: string[] = [];
  for (const skill of report.skills) {
    if (skill.diagnostics.length === 0) continue;
    out.push(paint('bold', skill.file ?? skill.dir));
    for (const d of [...skill.diagnostics].sort(byPosition)) {
      const where = `${d.line}:${d.column}`.padEnd(8);
      out.push(`  ${paint('dim', where)}${paint(d.severity, d.severity.padEnd(8))}${d.message}  ${paint('dim', d.rule)}`);
    }
    out.push('');
  }
  const { skills, errors, warnings } = report.summary;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(skills, 'skill')} (profile ${report.profile})`;
  out.push(errors > 0 ? paint('error', `✖ ${summary}`) : `✔ ${summary}`);
  return out.join('\n') + '\n';
}

/** Orders diagnostics as they appear in the file: by line, then column. */
function byPosition(a: ReportedDiagnostic, b: ReportedDiagnostic): number {
  return a.line - b.line || a.column - b.column;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
