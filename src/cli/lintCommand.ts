/** `skillsmith lint`: lints skill folders and prints the findings as text, JSON or SARIF. */
import { version } from '../../package.json';
import { forEachConcurrently } from '../core/async/forEachConcurrently';
import { findSkillFolders, type FoundSkillFolders } from '../core/skill/findSkillFolders';
import { lintSkillFolder, type LintFolderOptions, type SkillFolderResult } from '../core/skill/folder';
import { LINT_USAGE, parseLintArgs } from './lintArgs';
import { buildLintReport } from './lintReport';
import { toSarif } from './lintSarif';
import { formatText, shouldColour } from './lintText';

/** How many folders are linted at once. */
const CONCURRENCY = 16;

/** Runs `skillsmith lint` with its arguments; returns the exit code (0 clean, 1 errors, 2 usage or unreadable path). */
export async function runLintCommand(args: string[]): Promise<number> {
  const parsed = parseLintArgs(args);
  if ('error' in parsed) {
    process.stderr.write(`skillsmith lint: ${parsed.error}\n\n${LINT_USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(LINT_USAGE + '\n');
    return 0;
  }
  const found = await findSkillFolders(parsed.paths);
  const problems = found.unreadable.map((u) => `${u.path} ${u.reason}`);
  const results = await lintAll(found, { profile: parsed.profile, uploadLimitBytes: parsed.uploadLimitBytes }, problems);
  const report = buildLintReport(results, parsed.profile, process.cwd());
  if (parsed.format === 'json') process.stdout.write(JSON.stringify(report) + '\n');
  else if (parsed.format === 'sarif') process.stdout.write(JSON.stringify(toSarif(report, version), null, 2) + '\n');
  else process.stdout.write(formatText(report, shouldColour(process.stdout, process.env)));
  for (const problem of problems) process.stderr.write(`skillsmith lint: ${problem}\n`);
  if (problems.length > 0) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}

/** Lints every folder, a few at a time, keeping their order; folders that cannot be read go to `problems`. */
async function lintAll({ folders, entries }: FoundSkillFolders, options: LintFolderOptions, problems: string[]): Promise<SkillFolderResult[]> {
  const results: (SkillFolderResult | undefined)[] = new Array(folders.length);
  await forEachConcurrently(folders, CONCURRENCY, async (dir, index) => {
    try {
      results[index] = await lintSkillFolder(dir, { ...options, entries: entries.get(dir) });
    } catch (error) {
      problems.push(`${dir} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return results.filter((r): r is SkillFolderResult => r !== undefined);
}
