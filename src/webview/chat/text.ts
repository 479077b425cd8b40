/**
 * Counts in the page's locale. Made once, when the page loads: the first `toLocaleString` of a page loads the
 * locale's data, tens of milliseconds that would otherwise fall in the first frame of a reply.
 */
const counts = new Intl.NumberFormat();

/** A count with the locale's thousands separators. */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** Fills `{0}`, `{1}`, … of a localised template. */
export function format(template: string, ...values: string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => values[Number(index)] ?? whole);
}
