/** Counts as the English UI and the CLI write them: thousands separators, and the noun in agreement. */

/** A count with thousands separators: `2,100`. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** A count and its noun in agreement: "1 file", "2,100 files"; `many` when the plural is not the noun plus "s". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
