/** Types of summary.mjs, for the unit tests. */

/** Passed and failed test counts. */
export interface Counts {
  readonly passed: number;
  readonly failed: number;
}

/** Formats the result line: `N passed, N failed`. */
export declare function resultLine(passed: number, failed: number): string;
/** The counts of the last result line in `output`, or undefined when there is none. */
export declare function parseResultLine(output: string): Counts | undefined;
/** Counts from the in-host mocha reporter's `mocha: N passing, N failing` line, or undefined before it ran. */
export declare function parseMochaSummary(output: string): Counts | undefined;
