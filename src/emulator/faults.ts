import { PathGlob } from './pathGlob';

/** The longest fault path glob. */
const MAX_GLOB_LENGTH = 1024;
/** The longest injected latency: 10 minutes (a timer cannot wait past 2^31 - 1 ms, and nothing needs more). */
const MAX_LATENCY_MS = 600_000;

/** A fault to inject into the next requests that match. Sent as JSON to `POST /_emulator/faults`. */
export interface FaultRule {
  /** HTTP method to match (any when absent). */
  readonly method?: string;
  /** Path to match; `*` stands for one path segment, `**` for anything (any path when absent). */
  readonly path?: string;
  /** How many matching requests it applies to (default 1). */
  readonly times?: number;
  /** Answer with this status and an error body in the service's format. */
  readonly status?: number;
  /** Sent as `retry-after` (seconds). */
  readonly retryAfterSeconds?: number;
  /** Sent as `retry-after-ms`. */
  readonly retryAfterMs?: number;
  /** Wait this long before answering. */
  readonly latencyMs?: number;
  /** Send the headers and part of a body, then drop the connection. */
  readonly drop?: boolean;
  /** For a streamed `POST /v1/messages`: after half the events, cut the connection or send an `error` event. */
  readonly stream?: 'cut' | 'error';
}

interface ActiveFault {
  readonly rule: FaultRule;
  readonly pattern: PathGlob | null;
  remaining: number;
}

/** The faults waiting to hit requests, first added first used. */
export class FaultList {
  private faults: ActiveFault[] = [];

  /** Adds rules, all or none: throws an actionable message when any rule is malformed (they may come off the wire). */
  add(rules: readonly unknown[]): void {
    const checked = rules.map(checkRule);
    for (const rule of checked) this.faults.push({ rule, pattern: rule.path ? new PathGlob(rule.path) : null, remaining: rule.times ?? 1 });
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }

  /** The fault for this request, if any, counting it as used. */
  take(method: string, path: string): FaultRule | undefined {
    const fault = this.faults.find(
      (candidate) =>
        (!candidate.rule.method || candidate.rule.method.toUpperCase() === method.toUpperCase()) &&
        (!candidate.pattern || candidate.pattern.test(path)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault.rule;
  }
}

/** Narrows one rule read from JSON, field by field; throws a message that names the field to fix. */
function checkRule(value: unknown): FaultRule {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('A fault must be a JSON object.');
  const rule: Record<string, unknown> = { ...value };
  for (const key of ['method', 'path'] as const) {
    if (rule[key] !== undefined && typeof rule[key] !== 'string') throw new Error(`${key} must be a string.`);
  }
  if (typeof rule.path === 'string' && rule.path.length > MAX_GLOB_LENGTH)
    throw new Error(`path must be at most ${MAX_GLOB_LENGTH} characters.`);
  for (const key of ['retryAfterSeconds', 'retryAfterMs', 'latencyMs'] as const) {
    if (rule[key] !== undefined && !isNonNegativeNumber(rule[key])) throw new Error(`${key} must be a number of at least 0.`);
  }
  if (typeof rule.latencyMs === 'number' && rule.latencyMs > MAX_LATENCY_MS) {
    throw new Error(`latencyMs must be at most ${MAX_LATENCY_MS.toLocaleString('en-US')} (10 minutes).`);
  }
  if (rule.drop !== undefined && typeof rule.drop !== 'boolean') throw new Error('drop must be true or false.');
  if (rule.stream !== undefined && rule.stream !== 'cut' && rule.stream !== 'error') throw new Error('stream must be "cut" or "error".');
  if (rule.status !== undefined && !(Number.isInteger(rule.status) && Number(rule.status) >= 400 && Number(rule.status) <= 599)) {
    throw new Error('status must be an HTTP error status between 400 and 599.');
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && Number(rule.times) >= 1))
    throw new Error('times must be a positive integer.');
  if (rule.status === undefined && !rule.drop && rule.latencyMs === undefined && rule.stream === undefined) {
    throw new Error('A fault needs a status, drop: true, latencyMs, or stream.');
  }
  return rule;
}

function isNonNegativeNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
