/** Counts as the English UI and the CLI write them: thousands separators, and the noun in agreement. */

/**
 * A count with thousands separators: `2,100`, as `toLocaleString('en-US')` writes it. Whole numbers are grouped here:
 * the Intl call costs tens of microseconds each (milliseconds the first time), and a lint run makes hundreds.
 */
export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return value.toLocaleString('en-US');
  const digits = String(Math.abs(value));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return value < 0 ? `-${grouped}` : grouped;
}

/** A count and its noun in agreement: "1 file", "2,100 files"; `many` when the plural is not the noun plus "s". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
