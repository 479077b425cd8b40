/** The train/holdout split of trigger cases for description tuning: stratified by `should_trigger`, seeded. */
import type { TriggerEvalCase } from '../types';

/** The trigger cases a description is tuned on, and those its winner is chosen on. */
export interface TuningSplit {
  readonly train: readonly TriggerEvalCase[];
  readonly holdout: readonly TriggerEvalCase[];
}

/** The share of each kind held out when the caller does not say (skill-creator's `run_loop.py` holds out 40 %). */
export const DEFAULT_HOLDOUT = 0.4;

/**
 * Splits the cases: within the should-trigger and the should-not-trigger cases alike, a seeded shuffle, then
 * `holdout` of them (rounded, at least one and never all when there are two or more) to the holdout set. The
 * same cases and seed always give the same split; both sets keep the file's order.
 */
export function splitCases(cases: readonly TriggerEvalCase[], holdout: number, seed: number): TuningSplit {
  const random = seededRandom(seed);
  const held = new Set<number>();
  for (const kind of [true, false]) {
    const group = cases.filter((item) => item.shouldTrigger === kind);
    const count = group.length < 2 ? 0 : Math.min(group.length - 1, Math.max(1, Math.round(group.length * holdout)));
    for (const item of shuffled(group, random).slice(0, count)) held.add(item.index);
  }
  return { train: cases.filter((item) => !held.has(item.index)), holdout: cases.filter((item) => held.has(item.index)) };
}

/** A Fisher–Yates shuffle of a copy, drawing from `random`. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** mulberry32: a small seeded generator of numbers in [0, 1), the same sequence for the same seed everywhere. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
