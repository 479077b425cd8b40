import { badRequest } from './apiError';
import type { SortKey } from './order';

const PREFIX = 'page_';

/** An opaque `page_…` token naming the last item returned: the next page starts strictly after this key. */
export function encodeCursor(key: SortKey): string {
  return PREFIX + Buffer.from(JSON.stringify([key.createdAt, key.tiebreak])).toString('base64url');
}

/** The key a `page` token names, null without a token; 400 when it is not a token this emulator made. */
export function decodeCursor(raw: string | null): SortKey | null {
  if (raw === null || raw === '') return null;
  const key = raw.startsWith(PREFIX) ? parseKey(Buffer.from(raw.slice(PREFIX.length), 'base64url').toString()) : null;
  if (!key) throw badRequest('page is not a valid page token: pass next_page from a previous response.');
  return key;
}

function parseKey(json: string): SortKey | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const createdAt: unknown = parsed[0];
  const tiebreak: unknown = parsed[1];
  if (typeof createdAt !== 'string' || !isIsoTimestamp(createdAt)) return null;
  if (typeof tiebreak !== 'string' || tiebreak === '') return null;
  return { createdAt, tiebreak };
}

/** Only the exact `toISOString()` form compares correctly as text against stored timestamps. */
function isIsoTimestamp(text: string): boolean {
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString() === text;
}
