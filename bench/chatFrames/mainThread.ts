/**
 * The page's main thread from a Chromium trace: each task's CPU time beside its wall time. On a machine shared
 * with other work a task's wall time includes the time its thread waited for a core; its CPU time is what the
 * page itself asked of the machine, which the load does not change.
 */
import type { CDPSession } from 'playwright-core';
import { REPLAY_MARKS } from './figures';

/** The trace's name for a task the renderer's main thread ran. */
const TASK = 'ThreadControllerImpl::RunTask';

/** One complete trace event, as far as it is read here. */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
}

/** The main thread's tasks between the replay's marks. */
export interface MainThreadTasks {
  /** Each task's CPU time, in milliseconds. */
  readonly cpu: number[];
  /** Each task's wall time, in milliseconds. */
  readonly wall: number[];
}

/** Starts a trace of the page's tasks and user timing; the returned function ends it and reads the tasks. */
export async function traceMainThread(cdp: CDPSession): Promise<() => Promise<MainThreadTasks>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'] }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    const start = events.find((event) => event.name === REPLAY_MARKS.start);
    const end = events.find((event) => event.name === REPLAY_MARKS.end);
    if (!start || !end) throw new Error('The trace has no replay marks.');
    const tasks = events.filter(
      (event) =>
        event.name === TASK &&
        event.ph === 'X' &&
        event.pid === start.pid &&
        event.tid === start.tid &&
        event.ts >= start.ts &&
        event.ts <= end.ts,
    );
    return { cpu: tasks.map((task) => (task.tdur ?? task.dur ?? 0) / 1000), wall: tasks.map((task) => (task.dur ?? 0) / 1000) };
  };
}
