import type { Page } from '../../core/api/types';

/** Fetches one page: `cursor` null is the first page; `limit` how many items at most. */
export type PageLoader<T> = (cursor: string | null, limit: number) => Promise<Page<T>>;

/**
 * The children of a paginated node: the last good items and cursor, and the last failure.
 * A failure never drops items that loaded before it.
 */
export class PagedList<T> {
  private loaded: { items: T[]; nextPage: string | null } | undefined;
  private pending: Promise<void> | undefined;

  /** What the last failed load threw (a `SkillsApiError`, usually), cleared by the next success. */
  failure: Error | undefined;

  constructor(
    private readonly loader: PageLoader<T>,
    /** What tells two items apart (an id): an item put in with `upsert` is not listed twice when its page loads. */
    private readonly keyOf: (item: T) => string,
  ) {}

  /** True once a first page arrived. */
  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** The items loaded so far. */
  get items(): readonly T[] {
    return this.loaded?.items ?? [];
  }

  /** True when the service has more after the loaded items. */
  get hasMore(): boolean {
    return (this.loaded?.nextPage ?? null) !== null;
  }

  /** Loads the first page unless it is loaded (or loading). */
  ensureLoaded(pageSize: number): Promise<void> {
    return this.loaded ? Promise.resolve() : this.run(async () => this.replace(await this.loader(null, pageSize)));
  }

  /** Loads the next page and appends it. */
  loadMore(pageSize: number): Promise<void> {
    const cursor = this.loaded?.nextPage ?? null;
    if (!this.loaded || cursor === null) return this.ensureLoaded(pageSize);
    return this.run(async () => {
      const page = await this.loader(cursor, pageSize);
      const arrived = new Set(page.items.map(this.keyOf));
      const known = (this.loaded?.items ?? []).filter((item) => !arrived.has(this.keyOf(item)));
      this.loaded = { items: [...known, ...page.items], nextPage: page.nextPage };
    });
  }

  /** Loads again from the first page, as many items as were loaded (at least a page, at most 100). */
  reload(pageSize: number): Promise<void> {
    const limit = Math.min(100, Math.max(pageSize, this.items.length));
    return this.run(async () => this.replace(await this.loader(null, limit)));
  }

  /** Puts an item that was just created or changed on the service in place, or first when it is new; nothing before the first page. */
  upsert(item: T): void {
    if (!this.loaded) return;
    const items = [...this.loaded.items];
    const key = this.keyOf(item);
    const at = items.findIndex((known) => this.keyOf(known) === key);
    if (at >= 0) items[at] = item;
    else items.unshift(item);
    this.loaded = { ...this.loaded, items };
  }

  /** Drops one item locally (after it was deleted on the service). */
  remove(predicate: (item: T) => boolean): void {
    if (this.loaded) this.loaded = { ...this.loaded, items: this.loaded.items.filter((item) => !predicate(item)) };
  }

  private replace(page: Page<T>): void {
    this.loaded = { items: [...page.items], nextPage: page.nextPage };
  }

  /** One load at a time: a second call while one runs waits for it. Failures are recorded, not thrown. */
  private run(load: () => Promise<void>): Promise<void> {
    this.pending ??= load()
      .then(
        () => {
          this.failure = undefined;
        },
        (failure: unknown) => {
          this.failure = failure instanceof Error ? failure : new Error(String(failure));
        },
      )
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
