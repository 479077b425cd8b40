import { badRequest } from './apiError';

/** The limits of one list endpoint. */
export interface PageLimits {
  readonly defaultLimit: number;
  readonly maxLimit: number;
}

/** A list answer in the service's format. */
export interface ListBody<T> {
  readonly data: T[];
  readonly has_more: boolean;
  readonly next_page: string | null;
}

const PREFIX = 'page_';

/** Cuts one page out of `items` from `limit` and `page` query parameters; 400 when either is out of range. */
export function paginate<T>(items: readonly T[], query: URLSearchParams, limits: PageLimits): ListBody<T> {
  const limit = readLimit(query.get('limit'), limits);
  const offset = readCursor(query.get('page'));
  const data = items.slice(offset, offset + limit);
  const end = offset + data.length;
  const hasMore = end < items.length;
  return { data, has_more: hasMore, next_page: hasMore ? encodeCursor(end) : null };
}

function readLimit(raw: string | null, { defaultLimit, maxLimit }: PageLimits): number {
  if (raw === null || raw === '') return defaultLimit;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw badRequest(`limit must be an integer between 1 and ${maxLimit}.`);
  }
  return limit;
}

function encodeCursor(offset: number): string {
  return PREFIX + Buffer.from(`offset:${offset}`).toString('base64url');
}

function readCursor(raw: string | null): number {
  if (raw === null || raw === '') return 0;
  const decoded = raw.startsWith(PREFIX) ? Buffer.from(raw.slice(PREFIX.length), 'base64url').toString() : '';
  const match = /^offset:(\d+)$/.exec(decoded);
  if (!match) throw badRequest('page is not a valid page token: pass next_page from a previous response.');
  return Number(match[1]);
}
