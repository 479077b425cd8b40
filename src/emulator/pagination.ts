import { badRequest } from './apiError';
import { decodeCursor, encodeCursor } from './cursor';
import { compareNewestFirst, type SortKey } from './order';

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

/**
 * Cuts one page out of `items` (already newest first by `keyOf`) from the `limit` and `page` query parameters;
 * 400 when either is out of range. The page starts strictly after the key the token names, so items deleted or
 * created between two requests neither shift nor repeat the rest.
 */
export function paginate<T>(items: readonly T[], keyOf: (item: T) => SortKey, query: URLSearchParams, limits: PageLimits): ListBody<T> {
  const limit = readLimit(query.get('limit'), limits);
  const after = decodeCursor(query.get('page'));
  const start = after ? firstIndexAfter(items, keyOf, after) : 0;
  const data = items.slice(start, start + limit);
  const last = data.at(-1);
  const hasMore = start + data.length < items.length;
  return { data, has_more: hasMore, next_page: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

function firstIndexAfter<T>(items: readonly T[], keyOf: (item: T) => SortKey, after: SortKey): number {
  const index = items.findIndex((item) => compareNewestFirst(keyOf(item), after) > 0);
  return index === -1 ? items.length : index;
}

function readLimit(raw: string | null, { defaultLimit, maxLimit }: PageLimits): number {
  if (raw === null || raw === '') return defaultLimit;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw badRequest(`limit must be an integer between 1 and ${maxLimit}.`);
  }
  return limit;
}
