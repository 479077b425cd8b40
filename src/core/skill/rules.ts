import type { Profile, RuleId, Severity } from './types';

/** What a rule checks and how severe it is in each profile (`off`: not checked). */
export interface RuleInfo {
  readonly id: RuleId;
  /** One line, for docs and hovers. */
  readonly summary: string;
  readonly severity: Readonly<Record<Profile, Severity | 'off'>>;
  /** For rules about harm (the security scan, secrets, links): what code scanning ranks them by. */
  readonly security?: SecurityInfo;
}

/** How a security rule is tagged for code scanning (SARIF `properties`). */
export interface SecurityInfo {
  /** The OWASP Agentic Skills Top 10 id the rule reports under (docs/rules.md says why), if one fits. */
  readonly owasp?: string;
  /** The CWE number that names the weakness. */
  readonly cwe: number;
  /** GitHub's `security-severity`, "0.1" to "10.0" (9.0 and over critical, 7.0–8.9 high, 4.0–6.9 medium). */
  readonly score: string;
}

const all = (s: Severity): Record<Profile, Severity> => ({ 'claude-api': s, spec: s, 'claude-code': s });
const sec = (owasp: string | undefined, cwe: number, score: string): SecurityInfo =>
  owasp === undefined ? { cwe, score } : { owasp, cwe, score };
const per = (api: Severity | 'off', spec: Severity | 'off', code: Severity | 'off') => ({
  'claude-api': api,
  spec,
  'claude-code': code,
});

/** Every rule of the SKILL.md format, in the order of `skill-format.md`. */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  'skill-md-missing': { id: 'skill-md-missing', summary: 'The folder has no SKILL.md.', severity: all('error') },
  'skill-md-case': {
    id: 'skill-md-case',
    summary: 'Only a mis-cased skill.md / Skill.md exists.',
    severity: per('error', 'warning', 'warning'),
  },
  'frontmatter-missing': { id: 'frontmatter-missing', summary: 'The file does not start with a `---` line.', severity: all('error') },
  'frontmatter-unclosed': { id: 'frontmatter-unclosed', summary: 'The frontmatter has no closing `---` line.', severity: all('error') },
  'yaml-syntax': { id: 'yaml-syntax', summary: 'The frontmatter is not valid YAML.', severity: all('error') },
  'frontmatter-not-mapping': {
    id: 'frontmatter-not-mapping',
    summary: 'The frontmatter is valid YAML but not a mapping of keys.',
    severity: all('error'),
  },
  'duplicate-key': {
    id: 'duplicate-key',
    summary: 'A key appears twice; the last one wins.',
    severity: per('warning', 'error', 'warning'),
  },
  'unknown-key': { id: 'unknown-key', summary: 'A key the profile does not know.', severity: per('error', 'error', 'warning') },
  'name-missing': { id: 'name-missing', summary: 'No `name`.', severity: per('error', 'error', 'off') },
  'name-type': { id: 'name-type', summary: '`name` is not a string.', severity: all('error') },
  'name-too-long': { id: 'name-too-long', summary: '`name` is longer than 64 characters.', severity: per('error', 'error', 'warning') },
  'name-format': {
    id: 'name-format',
    summary: '`name` is not lowercase letters, digits and single inner hyphens.',
    severity: per('error', 'error', 'warning'),
  },
  'name-reserved': { id: 'name-reserved', summary: '`name` contains `anthropic` or `claude`.', severity: per('error', 'off', 'off') },
  'name-dir-mismatch': {
    id: 'name-dir-mismatch',
    summary: '`name` differs from the folder name.',
    severity: per('warning', 'error', 'warning'),
  },
  'description-missing': { id: 'description-missing', summary: 'No `description`.', severity: per('error', 'error', 'warning') },
  'description-type': { id: 'description-type', summary: '`description` is not a string.', severity: per('error', 'error', 'warning') },
  'description-empty': {
    id: 'description-empty',
    summary: '`description` is only white space.',
    severity: per('error', 'error', 'warning'),
  },
  'description-too-long': {
    id: 'description-too-long',
    summary: '`description` is longer than 1024 characters.',
    severity: per('error', 'error', 'warning'),
  },
  'description-xml': { id: 'description-xml', summary: '`description` contains an XML/HTML tag.', severity: per('error', 'off', 'off') },
  'compatibility-invalid': {
    id: 'compatibility-invalid',
    summary: '`compatibility` is not a string of at most 500 characters.',
    severity: per('error', 'error', 'warning'),
  },
  'metadata-invalid': { id: 'metadata-invalid', summary: '`metadata` is not a mapping.', severity: per('error', 'error', 'warning') },
  'metadata-value-type': {
    id: 'metadata-value-type',
    summary: 'A `metadata` value is not a string.',
    severity: per('warning', 'warning', 'off'),
  },
  'allowed-tools-invalid': {
    id: 'allowed-tools-invalid',
    summary: '`allowed-tools` is not a space-separated string.',
    severity: per('warning', 'warning', 'off'),
  },
  'license-invalid': { id: 'license-invalid', summary: '`license` is not a string.', severity: all('warning') },
  'body-empty': { id: 'body-empty', summary: 'Nothing after the frontmatter.', severity: all('warning') },
  'body-too-long': { id: 'body-too-long', summary: 'The body is longer than 500 lines.', severity: all('warning') },
  'body-token-budget': { id: 'body-token-budget', summary: 'The body is over about 5,000 tokens.', severity: all('warning') },
  'link-broken': {
    id: 'link-broken',
    summary: 'A relative link names a file that is not in the folder, or that uploads leave out.',
    severity: all('warning'),
  },
  'link-outside': {
    id: 'link-outside',
    summary: 'A relative link leaves the skill folder and will not be uploaded.',
    severity: all('warning'),
  },
  'upload-too-large': { id: 'upload-too-large', summary: 'The files to upload exceed the size limit.', severity: all('error') },
  'upload-secret': {
    id: 'upload-secret',
    summary:
      'A file that is named like a credential file, or holds a well-known key format, is in the folder; it is not uploaded unless allowed by name.',
    severity: all('error'),
    security: sec(undefined, 798, '9.0'),
  },
  'upload-excluded': {
    id: 'upload-excluded',
    summary: 'Files left out of the upload by default or by .skillignore.',
    severity: all('info'),
  },
  'upload-symlink': {
    id: 'upload-symlink',
    summary: 'A symbolic link in the folder is never followed silently.',
    severity: all('error'),
    security: sec(undefined, 59, '5.0'),
  },
  'upload-name-not-utf8': {
    id: 'upload-name-not-utf8',
    summary: 'A file or folder name is not valid UTF-8, so no upload can carry it.',
    severity: all('error'),
  },
  'upload-path-refused': {
    id: 'upload-path-refused',
    summary:
      'A path the service refuses or no download can restore: names differing only in case, a top folder named like a drive (`C:`), a name too long.',
    severity: per('error', 'error', 'warning'),
  },
  'display-name-too-long': {
    id: 'display-name-too-long',
    summary: 'The display name is longer than 255 characters.',
    severity: all('error'),
  },
  'security-hidden-text': {
    id: 'security-hidden-text',
    summary: 'Invisible characters (bidirectional overrides, zero-width characters, Unicode tags) hide text from the reader.',
    severity: all('error'),
    security: sec('AST01', 1007, '8.0'),
  },
  'security-instruction-override': {
    id: 'security-instruction-override',
    summary: 'Text tells Claude to ignore earlier or system instructions, or to become someone else.',
    severity: all('error'),
    security: sec('AST01', 77, '8.0'),
  },
  'security-conceal-from-user': {
    id: 'security-conceal-from-user',
    summary: 'Text tells Claude to keep something from the user or to act behind their back.',
    severity: all('error'),
    security: sec('AST01', 451, '8.0'),
  },
  'security-hidden-comment': {
    id: 'security-hidden-comment',
    summary: 'An HTML comment, which Markdown previews hide, holds instructions.',
    severity: all('warning'),
    security: sec('AST01', 451, '5.0'),
  },
  'security-greedy-description': {
    id: 'security-greedy-description',
    summary: 'The skill claims every request, or to be preferred over every other skill.',
    severity: all('warning'),
    security: sec('AST04', 1021, '4.0'),
  },
  'security-exfiltration': {
    id: 'security-exfiltration',
    summary: 'Local data (environment, credentials, the conversation) is sent to a URL.',
    severity: all('error'),
    security: sec('AST01', 200, '9.0'),
  },
  'security-download-exec': {
    id: 'security-download-exec',
    summary: 'Code is downloaded and run without being part of the skill.',
    severity: all('warning'),
    security: sec('AST02', 494, '7.0'),
  },
  'security-reverse-shell': {
    id: 'security-reverse-shell',
    summary: 'A shell is handed to a network connection.',
    severity: all('error'),
    security: sec('AST01', 506, '9.5'),
  },
  'security-obfuscated-exec': {
    id: 'security-obfuscated-exec',
    summary: 'Encoded or compressed text is decoded and run.',
    severity: all('error'),
    security: sec('AST01', 506, '9.0'),
  },
  'security-credential-access': {
    id: 'security-credential-access',
    summary: 'Credential stores are read: SSH keys, cloud credentials, keychains, browser profiles.',
    severity: all('error'),
    security: sec('AST01', 522, '9.0'),
  },
  'security-persistence': {
    id: 'security-persistence',
    summary: 'Something is installed to run again later: shell start-up files, crontab, launch agents, services.',
    severity: all('warning'),
    security: sec('AST01', 506, '7.0'),
  },
  'security-destructive': {
    id: 'security-destructive',
    summary: 'A command destroys the home folder, the whole disk or the machine.',
    severity: all('error'),
    security: sec('AST01', 732, '9.0'),
  },
  'security-miner': {
    id: 'security-miner',
    summary: 'A cryptocurrency miner or mining pool.',
    severity: all('error'),
    security: sec('AST01', 506, '8.0'),
  },
  'security-allowed-tools-wildcard': {
    id: 'security-allowed-tools-wildcard',
    summary: '`allowed-tools` grants every tool or every shell command.',
    severity: per('off', 'off', 'warning'),
    security: sec('AST03', 250, '6.0'),
  },
  'security-network-call': {
    id: 'security-network-call',
    summary: "A script reaches the network, which the API's code execution container does not have.",
    severity: per('warning', 'off', 'off'),
    security: sec('AST05', 829, '3.0'),
  },
};

/** True for rules that find harm or leaks: the `security-` family, secrets and links (`skillsmith lint --only security`). */
export function isSecurityRule(rule: RuleId): boolean {
  return RULES[rule].security !== undefined;
}

/** The file, relative to the extension's root, that documents every rule under a heading named by its id. */
export const RULE_DOCS_FILE = 'docs/rules.md';

/** The severity of `rule` under `profile`, or `off`. */
export function severityOf(rule: RuleId, profile: Profile): Severity | 'off' {
  return RULES[rule].severity[profile];
}
