/** Reads the arguments of `skillsmith lint`. */
import { PROFILES, type Profile } from '../core/skill/types';
import { uploadLimitBytesOf } from './uploadArgs';

/** The output formats of `skillsmith lint`. */
export const LINT_FORMATS = ['text', 'json', 'sarif'] as const;
/** One output format. */
export type LintFormat = (typeof LINT_FORMATS)[number];

/** What `skillsmith lint` was asked to do. */
export interface LintArgs {
  readonly paths: string[];
  readonly profile: Profile;
  readonly format: LintFormat;
  /** `--upload-limit-mb` in bytes; undefined: the default (30 MB). */
  readonly uploadLimitBytes?: number;
  /** `--only security`: report the security rules only (the `security-…` family, secrets, links). */
  readonly only?: 'security';
  readonly help: boolean;
}

/** The help text of `skillsmith lint`. */
export const LINT_USAGE = `Usage: skillsmith lint [PATH ...] [--profile claude-api|spec|claude-code] [--format text|json|sarif]

Lints skill folders: each PATH may be a skill folder, a SKILL.md, or any folder,
searched for SKILL.md files (node_modules and .git are skipped). Default: the current folder.

Options:
  --profile NAME   whose rules apply: claude-api (default, what the Skills API accepts on upload),
                   spec (the agentskills.io specification), claude-code (what Claude Code loads)
  --format NAME    text (default, for people), json (one JSON document), sarif (SARIF 2.1.0)
  --upload-limit-mb N  the size above which upload-too-large fires (default 30)
  --only security  report only the security rules: the security-… scan of every file, secrets, links
  -h, --help       show this help

Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable path.`;

/** The parsed arguments, or a message saying what is wrong with them. */
export function parseLintArgs(args: readonly string[]): LintArgs | { readonly error: string } {
  const paths: string[] = [];
  let profile: Profile = 'claude-api';
  let format: LintFormat = 'text';
  let help = false;
  let uploadLimitBytes: number | undefined;
  let only: 'security' | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '-h' || flag === '--help') {
      help = true;
    } else if (flag === '--profile' || flag === '--format') {
      const value = inline ?? args[++i];
      if (value === undefined) return { error: `${flag} needs a value.` };
      if (flag === '--profile') {
        if (!isOneOf(value, PROFILES)) return { error: `Unknown profile '${value}': use one of ${PROFILES.join(', ')}.` };
        profile = value;
      } else {
        if (!isOneOf(value, LINT_FORMATS)) return { error: `Unknown format '${value}': use one of ${LINT_FORMATS.join(', ')}.` };
        format = value;
      }
    } else if (flag === '--only') {
      const value = inline ?? args[++i];
      if (value !== 'security') return { error: value === undefined ? `${flag} needs a value.` : `Unknown rule family '${value}': use security.` };
      only = value;
    } else if (flag === '--upload-limit-mb') {
      const value = inline ?? args[++i];
      if (value === undefined) return { error: `${flag} needs a value.` };
      try {
        uploadLimitBytes = uploadLimitBytesOf(value);
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `Unknown option '${arg}'.` };
    } else {
      paths.push(arg);
    }
  }
  return { paths: paths.length > 0 ? paths : ['.'], profile, format, help, ...(uploadLimitBytes === undefined ? {} : { uploadLimitBytes }), ...(only ? { only } : {}) };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}
