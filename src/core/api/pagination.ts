import type { Page } from './types';

/** Fetches the page at a cursor (null = the first page). */
export type PageFetcher<T> = (cursor: string | null) => Promise<Page<T>>;

/**
 * Every item of a cursor-paginated list, page by page. Stops on a null cursor, on an empty page and on a
 * cursor seen before, so a misbehaving server cannot make it loop.
 */
export async function* iteratePages<T>(fetchPage: PageFetcher<T>, firstCursor: string | null = null): AsyncGenerator<T> {
  const seen = new Set<string>();
  let cursor = firstCursor;
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.items;
    const next = page.nextPage;
    if (next === null || page.items.length === 0 || seen.has(next)) return;
    seen.add(next);
    cursor = next;
  }
}
