/** A count with thousands separators, the way the English UI shows it: `2,100`. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
