/** `skillsmith lint --format text`: findings grouped by file, for people. */
import type { Profile } from '../core/skill/types';
import { countOf } from '../core/text/count';
import type { ReportedDiagnostic, ReportWriter } from './lintReport';
import { escapeControls } from './terminalText';

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

/** Whether to colour output: only on a terminal, and never when NO_COLOR is set. */
export function shouldColour(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/**
 * The text writer. Paths and messages come from the linted files, so their control characters are escaped:
 * a folder named `ESC[2J` or a description holding `ESC]0;…BEL` prints as text, not as a terminal command.
 */
export function textWriter(profile: Profile, colour: boolean, write: (chunk: string) => void): ReportWriter {
  const paint = (style: keyof typeof COLOURS, text: string): string => (colour ? COLOURS[style] + text + COLOURS.reset : text);
  return {
    skill(skill) {
      if (skill.diagnostics.length === 0) return;
      const byFile = new Map<string, ReportedDiagnostic[]>();
      for (const d of skill.diagnostics) {
        const file = d.file ?? skill.file ?? skill.dir;
        const list = byFile.get(file) ?? [];
        if (list.length === 0) byFile.set(file, list);
        list.push(d);
      }
      const out: string[] = [];
      for (const [file, diagnostics] of byFile) {
        out.push(paint('bold', escapeControls(file)));
        for (const d of diagnostics.sort(byPosition)) {
          const where = `${d.line}:${d.column}`.padEnd(8);
          out.push(
            `  ${paint('dim', where)}${paint(d.severity, d.severity.padEnd(8))}${escapeControls(d.message)}  ${paint('dim', d.rule)}`,
          );
        }
        out.push('');
      }
      write(out.join('\n') + '\n');
    },
    end({ skills, errors, warnings }) {
      const summary = `${countOf(errors, 'error')}, ${countOf(warnings, 'warning')} in ${countOf(skills, 'skill')} (profile ${profile})`;
      write((errors > 0 ? paint('error', `✖ ${summary}`) : `✔ ${summary}`) + '\n');
    },
  };
}

/** Orders diagnostics as they appear in the file: by line, then column. */
function byPosition(a: ReportedDiagnostic, b: ReportedDiagnostic): number {
  return a.line - b.line || a.column - b.column;
}
