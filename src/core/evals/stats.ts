/** Summary statistics as skill-creator's `aggregate_benchmark.py` computes them (sample stddev, 4 decimals). */

/** Mean, sample standard deviation, min and max of some values. */
export interface Stats {
  readonly mean: number;
  readonly stddev: number;
  readonly min: number;
  readonly max: number;
}

/** The statistics of `values`; all zero for none, stddev zero for one. */
export function statsOf(values: readonly number[]): Stats {
  const n = values.length;
  if (n === 0) return { mean: 0, stddev: 0, min: 0, max: 0 };
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const variance = n > 1 ? values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1) : 0;
  return { mean: round(mean), stddev: round(Math.sqrt(variance)), min: round(Math.min(...values)), max: round(Math.max(...values)) };
}

/** A difference as skill-creator writes it: `+0.50`, `-13.0`. */
export function signed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return value >= 0 && !text.startsWith('-') ? `+${text}` : text.replace(/^-(0\.?0*)$/, '+$1');
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
