import type { StoredSkill, StoredVersion } from './model';

/** Where an item sits in a list: lists are newest first by `createdAt`, then by `tiebreak`, both descending. */
export interface SortKey {
  /** An ISO 8601 timestamp (these compare correctly as strings). */
  readonly createdAt: string;
  /** Unique within the list; orders items created in the same millisecond. */
  readonly tiebreak: string;
}

/** A skill's place in the skills list: its creation time, then its id. */
export function skillKey(skill: StoredSkill): SortKey {
  return { createdAt: skill.createdAt, tiebreak: skill.id };
}

/** A version's place in its skill's versions list: its creation time, then its label (which grows with each upload). */
export function versionKey(version: StoredVersion): SortKey {
  return { createdAt: version.createdAt, tiebreak: version.label };
}

/** Negative when `a` comes before `b` in a newest-first list, positive when after, 0 for the same key. */
export function compareNewestFirst(a: SortKey, b: SortKey): number {
  return compareText(b.createdAt, a.createdAt) || compareText(b.tiebreak, a.tiebreak);
}

/** `items` sorted newest first by `keyOf`. */
export function sortNewestFirst<T>(items: readonly T[], keyOf: (item: T) => SortKey): T[] {
  return [...items].sort((a, b) => compareNewestFirst(keyOf(a), keyOf(b)));
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
