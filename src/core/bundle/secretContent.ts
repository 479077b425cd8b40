/**
 * Well-known key formats, found by content: what a file must never carry to the API. Each pattern is a fixed prefix
 * followed by bounded character classes, so a search is linear in the text; entropy alone is never a reason.
 */

/** A key found in a text: where it is (UTF-16 offsets) and what kind it looked like. Never the key itself. */
export interface SecretMatch {
  readonly start: number;
  readonly end: number;
  /** What it looked like, for a message: "an AWS access key ID". */
  readonly kind: string;
}

interface KeyFormat {
  readonly kind: string;
  readonly pattern: RegExp;
  /** Which capture group is the secret part to test for placeholders (0: the whole match). */
  readonly secretGroup?: number;
}

const KEY_FORMATS: readonly KeyFormat[] = [
  { kind: 'a private-key block', pattern: /-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'an AWS access key ID', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { kind: 'an AWS secret access key', pattern: /\baws_secret_access_key["']?\s{0,5}[=:]\s{0,5}["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, secretGroup: 1 },
  { kind: 'an Anthropic API key', pattern: /\bsk-ant-[a-z]{2,8}\d{0,3}-[A-Za-z0-9_-]{32,300}/g },
  { kind: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,120})\b/g },
  { kind: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,200}/g },
  { kind: 'a Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,20}\/B[A-Z0-9]{6,20}\/[A-Za-z0-9]{20,40}/g },
  { kind: 'a Stripe live key', pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{20,120}/g },
  { kind: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'a Google OAuth client secret', pattern: /\bGOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/g },
  { kind: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b|\/\/registry\.npmjs\.org\/:_authToken=([^\s$"'{]{8,200})/g },
  { kind: 'a JSON Web Token', pattern: /\beyJ(?=([A-Za-z0-9_-]{10,300}))\1\.eyJ(?=([A-Za-z0-9_-]{10,3000}))\2\.([A-Za-z0-9_-]{10,1000})/g, secretGroup: 3 },
  { kind: 'a URL with a password', pattern: /\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\/[^\s:/@"'<>`]{1,100}:([^\s:/@"'<>`]{1,200})@[^\s/"'<>`]{1,200}/g, secretGroup: 1 },
];

/** Placeholders that documentation writes where a key or password goes. */
const PLACEHOLDER = /^(?:[$%{<[*]|x{3,}|\.{3})|example|your|placeholder|changeme|change_me|redacted|dummy|^(?:pass(?:word|wd)?|pwd|secret|token|user|admin|test|none|null|[a-z])$/i;

/** The signature of jwt.io's sample token, which tutorials copy. */
const JWT_IO_SAMPLE = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/** The keys in `text`, in order, at most `limit` of each kind. Placeholders (`${TOKEN}`, `sk-ant-xxxx…`, `…EXAMPLE`) are skipped. */
export function findSecrets(text: string, limit: number): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const { kind, pattern, secretGroup } of KEY_FORMATS) {
    pattern.lastIndex = 0;
    let ofKind = 0;
    for (let match = pattern.exec(text); match !== null && ofKind < limit; match = pattern.exec(text)) {
      const secret = match[secretGroup ?? 0] ?? match[0];
      if (isPlaceholder(secret)) continue;
      ofKind++;
      found.push({ start: match.index, end: match.index + match[0].length, kind });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** True for a value that only stands where a real one goes. */
function isPlaceholder(secret: string): boolean {
  if (secret === JWT_IO_SAMPLE || PLACEHOLDER.test(secret)) return true;
  const body = secret.slice(secret.lastIndexOf('-') + 1);
  return body.length >= 8 && new Set(body).size < 5; // `AAAAAAAA…`, `xxxx…`, `0000…`
}
