// The plain result line every runner prints last, and its parser for `npm test`.

/** Formats the result line: `N passed, N failed`. */
export function resultLine(passed, failed) {
  return `${passed} passed, ${failed} failed`;
}

/** The counts of the last result line in `output`, or undefined when there is none. */
export function parseResultLine(output) {
  const matches = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)];
  const last = matches.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

/** Counts from the in-host mocha reporter's `mocha: N passing, N failing` line, or undefined before it ran. */
export function parseMochaSummary(output) {
  const match = /^mocha: (\d+) passing, (\d+) failing/m.exec(output);
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : undefined;
}
