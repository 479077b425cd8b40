/**
 * How a person tells a skill's versions apart: a short ordinal ("v3", by creation order, unique within the skill)
 * with the date and time to the second beside it. One owner for the CLI, the tree, the picks, the diff titles, the
 * chat and the eval reports; the editor's wording of it is `src/extension/ui/labels.ts`.
 */
import type { SkillVersion } from './types';

/** What ordering a version needs: its id, creation time, and the beta shape's growing label. */
export type OrderedVersion = Pick<SkillVersion, 'id' | 'createdAt' | 'version'>;

/**
 * Each version's ordinal within its skill, keyed by version id: the oldest is 1, the latest is the count. Versions
 * created at the same instant are ordered by their beta label (which grows with each upload), then by id.
 * Give it every version of the skill: an ordinal counted over a partial list is not the version's.
 */
export function versionOrdinals(versions: readonly OrderedVersion[]): ReadonlyMap<string, number> {
  const ordered = [...versions].sort(compareOldestFirst);
  return new Map(ordered.map((version, index) => [version.id, index + 1]));
}

/** The short name of the version with `ordinal`: "v3". */
export function versionTag(ordinal: number): string {
  return `v${ordinal.toLocaleString('en-US')}`;
}

/**
 * When a version was created, to the second ("Dec 6, 2026, 8:17:03 PM" in en-US), in `locale` (the runtime's when
 * undefined) and `timeZone` (the machine's when undefined); undefined when `iso` does not parse.
 */
export function versionTime(iso: string, locale?: string, timeZone?: string): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(time);
}

/** A version's label in its parts: `tag` ("v3") when its ordinal is known, `time` when its date parses. */
export interface VersionLabelParts {
  readonly tag: string | undefined;
  readonly time: string | undefined;
}

/** The parts of `version`'s label, its ordinal looked up in `ordinals` (from `versionOrdinals` over its skill's versions). */
export function versionLabelParts(
  version: SkillVersion,
  ordinals: ReadonlyMap<string, number>,
  locale?: string,
  timeZone?: string,
): VersionLabelParts {
  const ordinal = ordinals.get(version.id);
  return { tag: ordinal === undefined ? undefined : versionTag(ordinal), time: versionTime(version.createdAt, locale, timeZone) };
}

/**
 * A version's label in one line: "v3 (Dec 6, 2026, 8:17:03 PM)"; the time alone when the ordinal is unknown, the
 * tag alone when the date does not parse, the beta label or id when neither is known.
 */
export function versionLabel(version: SkillVersion, ordinals: ReadonlyMap<string, number>, locale?: string, timeZone?: string): string {
  const { tag, time } = versionLabelParts(version, ordinals, locale, timeZone);
  if (tag && time) return `${tag} (${time})`;
  return tag ?? time ?? version.version ?? version.id;
}

/** The one-line labels of one skill's versions: `versionLabel` with the ordinals of `versions` (every version of the skill). */
export function versionLabeler(versions: readonly SkillVersion[], locale?: string, timeZone?: string): (version: SkillVersion) => string {
  const ordinals = versionOrdinals(versions);
  return (version) => versionLabel(version, ordinals, locale, timeZone);
}

function compareOldestFirst(a: OrderedVersion, b: OrderedVersion): number {
  return timeOf(a) - timeOf(b) || compareLabels(a.version, b.version) || compareText(a.id, b.id);
}

/** A version's creation time in ms; one whose date does not parse counts as the newest. */
function timeOf(version: OrderedVersion): number {
  const time = Date.parse(version.createdAt);
  return Number.isNaN(time) ? Number.MAX_SAFE_INTEGER : time;
}

/** Beta labels are epoch timestamps: a longer one is later, equal lengths compare as text. */
function compareLabels(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  return a.length - b.length || compareText(a, b);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
