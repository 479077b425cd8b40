/**
 * V8 tiering for `skillsmith lint`, a process that lives about a second. With V8's default interrupt budget most of
 * the lint's functions reach TurboFan only after most of a large run has gone by: over the 1,850-skill benchmark
 * corpus some 100 compiles cost ~290 ms of CPU on the compile threads, against 240 ms for the whole I/O floor. A
 * budget four times the default compiles fewer, later functions: 820 ms of CPU in all instead of 980 (Node 20, 9
 * alternating runs), for ~50 ms more on the main thread.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The flags for the V8 of version `v8Version` (`process.versions.v8`): only for the versions they were measured on,
 * since V8 prints an error for a flag it does not know. V8 11 is Node 20 and 21; Node 24's V8 tiers by call counts
 * (and Maglev), and none of its flags measured helped.
 */
export function shortRunFlags(v8Version: string): readonly string[] {
  return v8Version.startsWith('11.') ? ['--interrupt-budget=540000'] : [];
}

/** Sets the flags of `shortRunFlags` for this process's V8: call before the command's code is loaded. */
export function tuneTieringForShortRun(): void {
  for (const flag of shortRunFlags(process.versions.v8)) setFlagsFromString(flag);
}
