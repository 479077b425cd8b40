import type { ServerResponse } from 'node:http';
import { badRequest, notFound } from './apiError';
import type { FaultList, FaultRule } from './faults';
import { sendJson } from './http';

/** What the admin routes act on. */
export interface AdminTarget {
  readonly faults: FaultList;
  reset(): void;
}

/**
 * `POST /_emulator/faults` (a rule or an array of rules), `DELETE /_emulator/faults`, `POST /_emulator/reset`.
 * The server only routes here for loopback peers of a loopback-bound emulator.
 */
export function handleAdmin(method: string, path: string, body: Buffer | null, target: AdminTarget, res: ServerResponse, requestId: string): void {
  const route = `${method} ${path}`;
  if (route === 'POST /_emulator/faults') {
    const rules = parseRules(body);
    try {
      target.faults.add(rules);
    } catch (error) {
      throw badRequest(error instanceof Error ? error.message : String(error));
    }
    return sendJson(res, 200, { added: rules.length }, requestId);
  }
  if (route === 'DELETE /_emulator/faults') {
    target.faults.clear();
    return sendJson(res, 200, { cleared: true }, requestId);
  }
  if (route === 'POST /_emulator/reset') {
    target.reset();
    return sendJson(res, 200, { reset: true }, requestId);
  }
  throw notFound(`No admin route ${route}.`);
}

function parseRules(body: Buffer | null): FaultRule[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body?.toString('utf8') ?? '');
  } catch {
    throw badRequest('Send the fault as JSON, e.g. {"status":429,"retryAfterSeconds":1,"path":"/v1/skills"}.');
  }
  return (Array.isArray(parsed) ? parsed : [parsed]) as FaultRule[];
}
