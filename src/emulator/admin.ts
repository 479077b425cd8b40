import type { ServerResponse } from 'node:http';
import { badRequest, EmulatorApiError, notFound } from './apiError';
import type { FaultList } from './faults';
import { sendJson } from './http';
import { messageOf } from '../core/messageOf';

/** What the admin routes act on. */
export interface AdminTarget {
  readonly faults: FaultList;
  reset(): void;
  /** Replaces every skill with generated ones. */
  fill(count: number, versionsPerSkill: number): void;
}

/**
 * Admin requests must say `content-type: application/json`, even without a body: a web page cannot send that
 * cross-site without a CORS preflight, which the emulator never grants. 415 otherwise.
 */
export function assertJsonRequest(contentType: string | undefined): void {
  if (contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    throw new EmulatorApiError(415, 'invalid_request_error', 'Send admin requests with content-type: application/json.');
  }
}

/** Caps on `POST /_emulator/fill`, so a typo cannot exhaust memory. */
const MAX_FILL_SKILLS = 10_000;
const MAX_FILL_VERSIONS = 100;

/**
 * `POST /_emulator/faults` (a rule or an array of rules), `DELETE /_emulator/faults`, `POST /_emulator/reset`,
 * `POST /_emulator/fill` (`{"skills": 1000, "versionsPerSkill": 5}`: generated custom skills, for benchmarks).
 * The server only routes here for loopback peers of a loopback-bound emulator.
 */
export function handleAdmin(method: string, path: string, body: Buffer, target: AdminTarget, res: ServerResponse, requestId: string): void {
  const route = `${method} ${path}`;
  if (route === 'POST /_emulator/faults') {
    const rules = parseRules(body);
    try {
      target.faults.add(rules);
    } catch (error) {
      throw badRequest(messageOf(error));
    }
    return sendJson(res, 200, { added: rules.length }, requestId);
  }
  if (route === 'DELETE /_emulator/faults') {
    target.faults.clear();
    return sendJson(res, 200, { cleared: true }, requestId);
  }
  if (route === 'POST /_emulator/fill') {
    const { skills, versionsPerSkill } = parseJson(body, 'Send {"skills": 1000, "versionsPerSkill": 5}.') as Record<string, unknown>;
    if (!isIntegerIn(skills, 0, MAX_FILL_SKILLS) || !isIntegerIn(versionsPerSkill, 1, MAX_FILL_VERSIONS)) {
      throw badRequest(`skills must be an integer from 0 to ${MAX_FILL_SKILLS}, versionsPerSkill from 1 to ${MAX_FILL_VERSIONS}.`);
    }
    target.fill(skills, versionsPerSkill);
    return sendJson(res, 200, { skills, versionsPerSkill }, requestId);
  }
  if (route === 'POST /_emulator/reset') {
    target.reset();
    return sendJson(res, 200, { reset: true }, requestId);
  }
  throw notFound(`No admin route ${route}.`);
}

/** The rules of a `POST /_emulator/faults` body, still unchecked: `FaultList.add` narrows them. */
function parseRules(body: Buffer): unknown[] {
  const parsed = parseJson(body, 'Send the fault as JSON, e.g. {"status":429,"retryAfterSeconds":1,"path":"/v1/skills"}.');
  return Array.isArray(parsed) ? parsed : [parsed];
}

function parseJson(body: Buffer, hint: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) return parsed;
  } catch {
    // Answered below.
  }
  throw badRequest(`The body is not a JSON object. ${hint}`);
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
