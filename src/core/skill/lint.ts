/** The SKILL.md linter: every rule of `skill-format.md` that can be checked from the file's text. */
import type { LeftOutReason } from '../bundle/leftOutReason';
import { checkBody } from './bodyChecks';
import { checkFields } from './fieldChecks';
import type { Finding } from './finding';
import { capPerRule } from './findingCap';
import { checkLinks } from './linkChecks';
import { parseSkillMd, type ParsedSkillMd } from './parse';
import { severityOf } from './rules';
import { checkAllowedToolsWildcard } from './security/allowedTools';
import { scanDecoded, scanText } from './security/scanText';
import { checkStructure } from './structureChecks';
import type { Diagnostic, Profile } from './types';
import { messageOf } from '../messageOf';

/** What the linter needs besides the text. */
export interface LintOptions {
  readonly profile: Profile;
  /** The skill folder's name, for `name-dir-mismatch`; undefined skips that rule. */
  readonly folderName?: string;
  /** Whether a folder-relative POSIX path exists, for `link-broken`; undefined skips existence checks (`link-outside` still runs). */
  readonly fileExists?: (relativePosixPath: string) => boolean;
  /** Why a path that `fileExists` denies is left out of uploads (it exists, but will not travel); undefined: it is missing. */
  readonly leftOutReason?: (relativePosixPath: string) => LeftOutReason | undefined;
  /** The bytes the text was decoded from, when the caller read them: the security scan reads them rather than encode the text again. */
  readonly utf8?: Buffer;
}

/** The security scan's view of the skill's own file. */
const SKILL_MD_TARGET = { relativePath: 'SKILL.md', isSkillMd: true } as const;

/** Lints SKILL.md text. Never throws, on any input. */
export function lintSkillMd(text: string, options: LintOptions): Diagnostic[] {
  try {
    return lintParsedSkillMd(parseSkillMd(text), options);
  } catch (error) {
    const reason = messageOf(error);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return [
      {
        rule: 'yaml-syntax',
        severity: 'error',
        message: `SKILL.md could not be checked (${reason}); simplify its frontmatter.`,
        range,
        fixes: [],
      },
    ];
  }
}

/** Lints an already parsed SKILL.md. At most `MAX_FINDINGS_PER_RULE` findings of a rule are listed; one more says how many were left out. */
export function lintParsedSkillMd(parsed: ParsedSkillMd, options: LintOptions): Diagnostic[] {
  const structure = checkStructure(parsed, options.profile);
  const links = checkLinks(parsed, options.fileExists, options.leftOutReason);
  const security = options.utf8 ? scanDecoded(parsed.text, options.utf8, SKILL_MD_TARGET) : scanText(parsed.text, SKILL_MD_TARGET);
  const fields = structure.readable ? checkFields(parsed, options.folderName).concat(checkAllowedToolsWildcard(parsed)) : [];
  const findings: Finding[] = structure.findings.concat(fields, checkBody(parsed), links.findings, security);
  const diagnostics: Diagnostic[] = [];
  for (const f of capPerRule(findings, links.leftOut)) {
    const severity = severityOf(f.rule, options.profile);
    // Built field by field: spreading findings of many shapes is the slowest step of a cold CLI run.
    if (severity !== 'off') diagnostics.push({ rule: f.rule, severity, message: f.message, range: f.range, fixes: f.fixes });
  }
  return diagnostics;
}
