/** `skillsmith lint`: lints skill folders and prints the findings as text, JSON or SARIF, one folder at a time. */
import { version } from '../../package.json';
import { findSkillFolders } from '../core/skill/findSkillFolders';
import { lintSkillFolder } from '../core/skill/folder';
import { isSecurityRule } from '../core/skill/rules';
import { bufferedOutput } from './bufferedOutput';
import { runWithArgs } from './args';
import { LINT_ARGS, type LintArgs } from './lintArgs';
import { addToSummary, jsonWriter, RelativePaths, reportSkill, type LintSummary, type ReportWriter } from './lintReport';
import { sarifWriter } from './lintSarif';
import { shouldColour, textWriter } from './lintText';
import { escapeControls } from './terminalText';
import { messageOf } from '../core/messageOf';

/**
 * Runs `skillsmith lint` with its arguments; returns the exit code (0 clean, 1 errors, 2 usage or unreadable path).
 * Reads synchronously, folder after folder, and prints each folder's findings as soon as they are known.
 */
export function runLintCommand(args: string[]): Promise<number> {
  return runWithArgs(LINT_ARGS, args, (request) => Promise.resolve(lint(request)));
}

function lint(parsed: LintArgs): number {
  const output = bufferedOutput(process.stdout);
  const writer = createWriter(parsed, output.write);
  const summary: LintSummary = { skills: 0, errors: 0, warnings: 0 };
  const paths = new RelativePaths(process.cwd());
  const unlintable: string[] = [];
  const unreadable = findSkillFolders(parsed.paths, (dir, entries) => {
    let skill;
    try {
      const result = lintSkillFolder(dir, { profile: parsed.profile, uploadLimitBytes: parsed.uploadLimitBytes, entries });
      skill = reportSkill(
        parsed.only === 'security' ? { ...result, diagnostics: result.diagnostics.filter((d) => isSecurityRule(d.rule)) } : result,
        paths,
      );
    } catch (error) {
      unlintable.push(`${dir} cannot be read: ${messageOf(error)}`);
      return;
    }
    addToSummary(summary, skill);
    writer.skill(skill);
  });
  const problems = unreadable.map((u) => `${u.path} ${u.reason}`).concat(unlintable);
  writer.end(summary);
  output.flush();
  for (const problem of problems) process.stderr.write(`skillsmith lint: ${escapeControls(problem)}\n`);
  if (problems.length > 0) return 2;
  return summary.errors > 0 ? 1 : 0;
}

function createWriter({ format, profile }: LintArgs, write: (chunk: string) => void): ReportWriter {
  if (format === 'json') return jsonWriter(profile, write);
  if (format === 'sarif') return sarifWriter(profile, version, write);
  return textWriter(profile, shouldColour(process.stdout, process.env), write);
}
