import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghijkmnopqrstuvwxyz';

/** A random id body in the service's style: `01` then 24 base-56 characters. */
export function randomKey(): string {
  const bytes = randomBytes(24);
  let key = '01';
  for (const byte of bytes) key += ALPHABET[byte % ALPHABET.length];
  return key;
}

/** A new `skill_…` id. */
export function newSkillId(): string {
  return `skill_${randomKey()}`;
}

/** A new `req_…` request id. */
export function newRequestId(): string {
  return `req_${randomKey()}`;
}

/** The GA id of a version (`skver_…`). */
export function gaVersionId(key: string): string {
  return `skver_${key}`;
}

/** The beta id of a version (`skillver_…`). */
export function betaVersionId(key: string): string {
  return `skillver_${key}`;
}

let lastLabel = 0n;

/** A version label: Unix epoch microseconds, strictly increasing within this process. */
export function newVersionLabel(now = Date.now()): string {
  const candidate = BigInt(now) * 1000n;
  lastLabel = candidate > lastLabel ? candidate : lastLabel + 1n;
  return lastLabel.toString();
}
