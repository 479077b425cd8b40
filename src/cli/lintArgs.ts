/** Reads the arguments of `skillsmith lint`. */
import { PROFILES, type Profile } from '../core/skill/types';
import { commandArgs, oneOf } from './args';
import { uploadLimitBytesOf } from './uploadArgs';

/** The output formats of `skillsmith lint`. */
export const LINT_FORMATS = ['text', 'json', 'sarif'] as const;
/** One output format. */
export type LintFormat = (typeof LINT_FORMATS)[number];

/** What `skillsmith lint` was asked to do. */
export interface LintArgs {
  readonly paths: readonly string[];
  readonly profile: Profile;
  readonly format: LintFormat;
  /** `--upload-limit-mb` in bytes; undefined: the default (30 MB). */
  readonly uploadLimitBytes?: number;
  /** `--only security`: report the security rules only (the `security-…` family, secrets, links). */
  readonly only?: (typeof ONLY_FAMILIES)[number];
}

/** The rule families `--only` selects. */
export const ONLY_FAMILIES = ['security'] as const;

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

/** The arguments of `skillsmith lint`: PATHs (default: the current folder), `--profile`, `--format`, `--upload-limit-mb`, `--only`. */
export const LINT_ARGS = commandArgs({
  name: 'lint',
  usage: LINT_USAGE,
  options: { profile: { type: 'string', default: 'claude-api' }, 'upload-limit-mb': { type: 'string' }, only: { type: 'string' } },
  formats: LINT_FORMATS,
  read: ({ values, positionals, format }): LintArgs => {
    const raw = values['upload-limit-mb'];
    return {
      paths: positionals.length > 0 ? positionals : ['.'],
      profile: oneOf('profile', values.profile, PROFILES),
      format,
      ...(raw === undefined ? {} : { uploadLimitBytes: uploadLimitBytesOf(raw) }),
      ...(values.only === undefined ? {} : { only: oneOf('only', values.only, ONLY_FAMILIES) }),
    };
  },
});
