/**
 * Well-known key formats, found by content: what a file must never carry to the API. Each pattern is a fixed prefix
 * followed by bounded character classes, so a search is linear in the text; entropy alone is never a reason.
 */

/** A well-known key format. */
export interface KeyFormat {
  /** What it looks like, for a message. */
  readonly kind: string;
  /** Words (ASCII, any case) the line of a key holds: the pattern runs only on such lines. */
  readonly triggers: readonly string[];
  /** Words (ASCII, any case; one character or more) of which the line of every key also holds one (see SecurityPattern). */
  readonly alsoOnLine?: readonly string[];
  readonly pattern: RegExp;
  /** Which capture group is the secret part to test for placeholders (0: the whole match). */
  readonly secretGroup?: number;
}

/** Every key format searched for. */
export const KEY_FORMATS: readonly KeyFormat[] = [
  {
    kind: 'a private-key block',
    triggers: ['private key'],
    pattern: /-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
  },
  { kind: 'an AWS access key ID', triggers: ['akia', 'asia', 'abia', 'acca'], pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  {
    kind: 'an AWS secret access key',
    triggers: ['aws_secret_access_key'],
    pattern: /\baws_secret_access_key["']?\s{0,5}[=:]\s{0,5}["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    secretGroup: 1,
  },
  { kind: 'an Anthropic API key', triggers: ['sk-ant-'], pattern: /\bsk-ant-[a-z]{2,8}\d{0,3}-[A-Za-z0-9_-]{32,300}/g },
  {
    kind: 'a GitHub token',
    triggers: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,120})\b/g,
  },
  {
    kind: 'a Slack token',
    triggers: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxo-', 'xoxs-', 'xoxr-'],
    pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,200}/g,
  },
  {
    kind: 'a Slack webhook URL',
    triggers: ['hooks.slack.com'],
    pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,20}\/B[A-Z0-9]{6,20}\/[A-Za-z0-9]{20,40}/g,
  },
  { kind: 'a Stripe live key', triggers: ['_live_'], pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{20,120}/g },
  { kind: 'a Google API key', triggers: ['aiza'], pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'a Google OAuth client secret', triggers: ['gocspx-'], pattern: /\bGOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/g },
  {
    kind: 'an npm token',
    triggers: ['npm_', '_authtoken'],
    pattern: /\bnpm_[A-Za-z0-9]{36}\b|\/\/registry\.npmjs\.org\/:_authToken=([^\s$"'{]{8,200})/g,
  },
  {
    kind: 'a JSON Web Token',
    triggers: ['eyj'],
    pattern: /\beyJ(?=([A-Za-z0-9_-]{10,300}))\1\.eyJ(?=([A-Za-z0-9_-]{10,3000}))\2\.([A-Za-z0-9_-]{10,1000})/g,
    secretGroup: 3,
  },
  {
    kind: 'a URL with a password',
    triggers: ['://'],
    alsoOnLine: ['@'],
    pattern: /\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\/[^\s:/@"'<>`]{1,100}:([^\s:/@"'<>`]{1,200})@[^\s/"'<>`]{1,200}/g,
    secretGroup: 1,
  },
];

/** Placeholders that documentation writes where a key or password goes. */
const PLACEHOLDER =
  /^(?:[$%{<[*]|x{3,}|\.{3})|example|your|placeholder|changeme|change_me|redacted|dummy|^(?:pass(?:word|wd)?|pwd|secret|token|user|admin|test|none|null|[a-z])$/i;

/** The signature of jwt.io's sample token, which tutorials copy. */
const JWT_IO_SAMPLE = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/** True when `match` of `format` is a key, not a placeholder (`${TOKEN}`, `sk-ant-xxxx…`, `…EXAMPLE`). */
export function isRealKey(match: RegExpExecArray, format: KeyFormat): boolean {
  return !isPlaceholder(match[format.secretGroup ?? 0] ?? match[0]);
}

/** True for a value that only stands where a real one goes. */
function isPlaceholder(secret: string): boolean {
  if (secret === JWT_IO_SAMPLE || PLACEHOLDER.test(secret)) return true;
  const body = secret.slice(secret.lastIndexOf('-') + 1);
  return body.length >= 8 && new Set(body).size < 5; // `AAAAAAAA…`, `xxxx…`, `0000…`
}
