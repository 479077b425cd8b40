/** The security scan of one text file of a skill: hidden text, the `security-…` patterns and keys found by content. */
import { findSecrets } from '../../bundle/secretContent';
import { finding, type Finding } from '../finding';
import { LineIndex } from '../text';
import type { RuleId } from '../types';
import { findHiddenRuns } from './hiddenText';
import { ScanContext, SECURITY_PATTERNS, type FileScope, type PatternRuleId } from './patterns';

/** The most findings of one rule listed for one file; the scan stops looking for that rule there. */
export const MAX_SECURITY_FINDINGS_PER_RULE = 50;

/** What the scan knows of the file besides its text. */
export interface ScanTarget {
  /** The folder-relative POSIX path; `SKILL.md` (or a mis-cased one) for the skill's own file. */
  readonly relativePath: string;
  /** True for the skill's SKILL.md: its findings carry no `file`, as the linter's own do. */
  readonly isSkillMd: boolean;
  /** True when the file was allowed by name although it looks like a secret: keys in it are not reported. */
  readonly secretAllowed?: boolean;
}

const MARKDOWN = /\.(?:md|markdown|mdx|txt|html?)$/i;
const SCRIPT = /\.(?:py|sh|bash|zsh|js|mjs|cjs|ts|mts|cts|rb|pl|php|ps1|psm1)$/i;

/** The scopes a file falls in. */
function scopesOf(target: ScanTarget, text: string): ReadonlySet<FileScope> {
  const scopes = new Set<FileScope>(['any']);
  if (target.isSkillMd) scopes.add('skill-md').add('markdown');
  else if (MARKDOWN.test(target.relativePath)) scopes.add('markdown');
  if (SCRIPT.test(target.relativePath) || text.startsWith('#!')) scopes.add('script');
  return scopes;
}

/**
 * The security findings of `text`, the content of `target`. Never throws; linear in the text's length (the
 * caller bounds that). A binary text (one holding NUL) is not scanned.
 */
export function scanText(text: string, target: ScanTarget): Finding[] {
  if (text.includes('\0')) return [];
  const out = new FindingsOf(text, target);
  for (const run of findHiddenRuns(text, MAX_SECURITY_FINDINGS_PER_RULE + 1)) {
    if (!out.add('security-hidden-text', run.start, run.end, `Hidden text: ${run.description}. A reader does not see it; Claude does. Delete it.`)) break;
  }
  const scopes = scopesOf(target, text);
  const context = new ScanContext(text);
  for (const { rule, scope, pattern, what, accept } of SECURITY_PATTERNS) {
    if (!scopes.has(scope) || out.isFull(rule)) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0].length === 0) pattern.lastIndex++;
      else if (out.isSameLine(rule, match.index)) continue;
      else if ((!accept || accept(match, context)) && !out.add(rule, match.index, match.index + match[0].length, `${capitalise(what)}: \`${snippet(match[0])}\`. ${HINTS[rule]}`)) break;
    }
  }
  if (!target.secretAllowed) {
    for (const secret of findSecrets(text, MAX_SECURITY_FINDINGS_PER_RULE + 1)) {
      const line = out.lineOf(secret.start) + 1;
      const message = `Line ${line.toLocaleString('en-US')} of \`${target.relativePath}\` looks like ${secret.kind}, so publish and pack refuse the folder. Remove the key (and revoke it if it was ever shared), or allow \`${target.relativePath}\` by name if it must be uploaded.`;
      if (!out.add('upload-secret', secret.start, secret.end, message)) break;
    }
  }
  return out.findings;
}

/** What each rule asks of the author, after what was found. */
const HINTS: Readonly<Record<PatternRuleId, string>> = {
  'security-instruction-override': 'A skill adds to what Claude does; it must not overrule the user or the system. Remove it.',
  'security-conceal-from-user': 'A skill must not act behind the user\'s back. Remove it, or tell the user instead.',
  'security-hidden-comment': 'What Claude reads should be what the reviewer sees. Make it visible text or delete it.',
  'security-greedy-description': 'Say when the skill applies, so Claude can choose it for the right requests only.',
  'security-exfiltration': 'Send only what the task needs, to a documented endpoint, and say so in SKILL.md.',
  'security-download-exec': 'Bundle the script in the skill, or install a pinned package version, so reviewers see what runs.',
  'security-reverse-shell': 'Nothing a skill does needs a remote shell. Remove it.',
  'security-obfuscated-exec': 'Ship the code in the clear so it can be reviewed.',
  'security-credential-access': 'A skill must not read the user\'s credentials. Ask for the one token the task needs instead.',
  'security-persistence': 'A skill should leave nothing running after the task. Tell the user how to set it up instead.',
  'security-destructive': 'Delete only what the skill created, by its own path.',
  'security-miner': 'Remove it.',
  'security-network-call': 'The API\'s code execution container has no network: bundle the data or the package with the skill.',
};

/** The findings of one file, at most MAX_SECURITY_FINDINGS_PER_RULE of a rule, with positions from a line index made on first use. */
class FindingsOf {
  readonly findings: Finding[] = [];
  private lines: LineIndex | undefined;
  private readonly counts = new Map<RuleId, number>();
  private readonly lastLine = new Map<RuleId, number>();

  constructor(
    private readonly text: string,
    private readonly target: ScanTarget,
  ) {}

  /** True when the last finding of `rule` is on the line of `offset` (one finding of a pattern rule per line is enough). */
  isSameLine(rule: RuleId, offset: number): boolean {
    const last = this.lastLine.get(rule);
    return last !== undefined && last === this.lineOf(offset);
  }

  isFull(rule: RuleId): boolean {
    return (this.counts.get(rule) ?? 0) > MAX_SECURITY_FINDINGS_PER_RULE;
  }

  lineOf(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.positionAt(offset).line;
  }

  /** Adds a finding at `start`–`end`; false when the rule is full for this file (its last finding says more were left out). */
  add(rule: RuleId, start: number, end: number, message: string): boolean {
    const count = (this.counts.get(rule) ?? 0) + 1;
    this.counts.set(rule, count);
    this.lines ??= new LineIndex(this.text);
    const range = this.lines.rangeOf(start, end);
    this.lastLine.set(rule, range.start.line);
    const text = count > MAX_SECURITY_FINDINGS_PER_RULE ? `More \`${rule}\` findings in this file are not listed (only the first ${MAX_SECURITY_FINDINGS_PER_RULE} are).` : message;
    const found = finding(rule, text, range);
    this.findings.push(this.target.isSkillMd ? found : { ...found, file: this.target.relativePath });
    return count <= MAX_SECURITY_FINDINGS_PER_RULE;
  }
}

/** The first line of a match, white space collapsed, at most 80 characters; backticks become quotes so the message's code span holds. */
function snippet(matched: string): string {
  const line = matched.split('\n', 1)[0].replace(/\s+/g, ' ').replaceAll('`', "'").trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
