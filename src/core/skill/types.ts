/** The shared vocabulary of the SKILL.md linter: positions, diagnostics and fixes. */

/** Which reader's rules apply: the Claude API upload, the open agentskills.io spec, or Claude Code. */
export type Profile = 'claude-api' | 'spec' | 'claude-code';

/** Every profile, default first. */
export const PROFILES: readonly Profile[] = ['claude-api', 'spec', 'claude-code'];

/** How bad a finding is; `off` means the rule does not run in that profile. */
export type Severity = 'error' | 'warning' | 'info';

/** A zero-based line and UTF-16 column, as VS Code counts them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open span of text. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Replace the text of `range` with `newText`. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A fix for a diagnostic: text edits in SKILL.md and, optionally, renaming the skill's folder. */
export interface Fix {
  /** What the fix does, for a menu: "Move `when_to_use` under `metadata:`". */
  readonly title: string;
  /** Edits to SKILL.md, non-overlapping. */
  readonly edits: readonly TextEdit[];
  /** The obvious fix for this diagnostic. */
  readonly isPreferred?: boolean;
  /** Rename the skill folder (last path segment) to this name instead of editing text. */
  readonly renameFolderTo?: string;
}

/** One finding of the linter. */
export interface Diagnostic {
  /** The stable rule id, e.g. `name-format`. */
  readonly rule: RuleId;
  readonly severity: Severity;
  /** A sentence a person can act on. */
  readonly message: string;
  /** Where in SKILL.md (or in `file`); for folder rules, the first line. */
  readonly range: Range;
  /** The folder-relative POSIX path of the file the finding is in, when it is not the SKILL.md (a script, a reference). */
  readonly file?: string;
  /** Fixes, preferred first; empty when none exists. */
  readonly fixes: readonly Fix[];
}

/** Every rule id of `skill-format.md`. */
export type RuleId =
  | 'skill-md-missing'
  | 'skill-md-case'
  | 'frontmatter-missing'
  | 'frontmatter-unclosed'
  | 'yaml-syntax'
  | 'frontmatter-not-mapping'
  | 'duplicate-key'
  | 'unknown-key'
  | 'name-missing'
  | 'name-type'
  | 'name-too-long'
  | 'name-format'
  | 'name-reserved'
  | 'name-dir-mismatch'
  | 'description-missing'
  | 'description-type'
  | 'description-empty'
  | 'description-too-long'
  | 'description-xml'
  | 'compatibility-invalid'
  | 'metadata-invalid'
  | 'metadata-value-type'
  | 'allowed-tools-invalid'
  | 'license-invalid'
  | 'body-empty'
  | 'body-too-long'
  | 'body-token-budget'
  | 'link-broken'
  | 'link-outside'
  | 'upload-too-large'
  | 'upload-secret'
  | 'upload-excluded'
  | 'upload-symlink'
  | 'upload-name-not-utf8'
  | 'upload-path-refused'
  | 'display-name-too-long'
  | SecurityRuleId;

/** The rules of the security scan, which reads SKILL.md and every file an upload carries. */
export type SecurityRuleId =
  | 'security-hidden-text'
  | 'security-instruction-override'
  | 'security-conceal-from-user'
  | 'security-hidden-comment'
  | 'security-greedy-description'
  | 'security-exfiltration'
  | 'security-download-exec'
  | 'security-reverse-shell'
  | 'security-obfuscated-exec'
  | 'security-credential-access'
  | 'security-persistence'
  | 'security-destructive'
  | 'security-miner'
  | 'security-allowed-tools-wildcard'
  | 'security-network-call';
