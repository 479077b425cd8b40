/**
 * V8 tiering for `skillsmith lint`, a process that lives about half a second. With V8's default interrupt budget the
 * lint's code reaches TurboFan while most of a large run is still ahead, yet too late to repay the compile on the
 * background threads. A budget of 540,000 (eight times V8 11's default, 67,584) compiles fewer functions, later:
 * over the 1,850-skill benchmark corpus 618 ms of CPU instead of 756 (Node 20, 9 alternating runs at load 3-4), for
 * 70 ms more on the main thread (wall time +4 %, 584 ms against 562, at load 2.6 on 2 cores).
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
