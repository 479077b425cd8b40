import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { SkillsApiError } from '../../../src/core/api';
import { cancelledError, CLAUDE_API, noKeyError, retryAfterSeconds, SKILLS_API, toSkillsApiError } from '../../../src/core/api/errors';
import { turnErrorFrom } from '../../../src/core/chat/turnErrors';

describe('toSkillsApiError', () => {
  it('keeps the status, the request id and the service message', () => {
    const headers = new Headers({ 'request-id': 'req_123' });
    const body = { type: 'error', error: { type: 'not_found_error', message: 'Skill skill_x not found.' } };
    const error = toSkillsApiError(APIError.generate(404, body, undefined, headers));
    assert.equal(error.kind, 'not-found');
    assert.equal(error.status, 404);
    assert.equal(error.requestId, 'req_123');
    assert.match(error.message, /Skill skill_x not found\..*refresh/);
  });

  it('ends the service message with a full stop before its advice', () => {
    const body = { type: 'error', error: { type: 'invalid_request_error', message: 'name mismatch' } };
    assert.match(toSkillsApiError(APIError.generate(400, body, undefined, new Headers())).message, /: name mismatch\.$/);
  });

  it('tells 529 from other server errors', () => {
    assert.equal(toSkillsApiError(APIError.generate(529, undefined, 'busy', new Headers())).kind, 'overloaded');
    assert.equal(toSkillsApiError(APIError.generate(503, undefined, 'down', new Headers())).kind, 'server');
  });

  it('classifies network failures, timeouts and cancellation', () => {
    assert.equal(toSkillsApiError(new APIConnectionError({ message: 'refused' })).kind, 'offline');
    assert.equal(toSkillsApiError(new APIConnectionTimeoutError()).kind, 'timeout');
    assert.equal(toSkillsApiError(new APIUserAbortError()).kind, 'cancelled');
    assert.equal(toSkillsApiError(new DOMException('aborted', 'AbortError')).kind, 'cancelled');
    assert.equal(toSkillsApiError(new TypeError('terminated')).kind, 'offline');
  });

  it('passes a SkillsApiError through and wraps anything else as unknown', () => {
    const original = new SkillsApiError('no-key', 'No key.');
    assert.equal(toSkillsApiError(original), original);
    const wrapped = toSkillsApiError('a string was thrown');
    assert.equal(wrapped.kind, 'unknown');
    assert.match(wrapped.message, /a string was thrown/);
  });

  it('speaks neutrally, naming no editor command or setting (the CLI prints these messages too)', () => {
    const messages = [
      noKeyError(),
      cancelledError(),
      toSkillsApiError(new APIConnectionError({ message: 'refused' })),
      toSkillsApiError(new APIConnectionTimeoutError()),
      ...[400, 401, 403, 404, 409, 413, 429, 500, 529].map((status) =>
        toSkillsApiError(APIError.generate(status, undefined, undefined, new Headers())),
      ),
    ].map((error) => error.message);
    for (const message of messages) assert.doesNotMatch(message, /Skillsmith:|skillsmith\.|VS Code|command/i, message);
    assert.equal(noKeyError().kind, 'no-key');
  });
});

describe('one translator for the Skills API and the Claude API', () => {
  const failures = (): unknown[] => [
    new APIConnectionError({ message: 'refused' }),
    new APIConnectionTimeoutError(),
    'a string was thrown',
    ...[400, 403, 404, 429, 500, 529].map((status) => APIError.generate(status, undefined, undefined, new Headers({ 'retry-after': '3' }))),
  ];

  it('names the API the request went to, and gives its own advice for 403 and 404', () => {
    for (const failure of failures()) {
      const skills = toSkillsApiError(failure, SKILLS_API);
      const claude = toSkillsApiError(failure, CLAUDE_API);
      assert.equal(claude.kind, skills.kind);
      if (!['permission', 'not-found'].includes(claude.kind)) {
        assert.match(skills.message, /the Skills API/i, skills.message);
        assert.match(claude.message, /the Claude API/i, claude.message);
      }
      assert.doesNotMatch(claude.message, /Skills API|refresh the list/, claude.message);
    }
    assert.match(toSkillsApiError(APIError.generate(404, undefined, undefined, new Headers()), CLAUDE_API).message, /Check the model id/);
    assert.equal(
      toSkillsApiError(APIError.generate(429, undefined, undefined, new Headers({ 'retry-after': '3' })), CLAUDE_API).message,
      'Rate limited by the Claude API (429). Try again in 3 s.',
    );
  });

  it("gives a chat turn the Claude API's message, except for a connection lost mid-answer", () => {
    for (const failure of failures()) {
      const turn = turnErrorFrom(failure, { requestId: null, midStream: false });
      assert.equal(turn.message, toSkillsApiError(failure, CLAUDE_API).message);
    }
    assert.match(
      turnErrorFrom(new APIConnectionError({ message: 'reset' }), { requestId: 'req_1', midStream: true }).message,
      /broke off in the middle of the answer\. What arrived so far is kept/,
    );
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds, an HTTP date, or milliseconds', () => {
    assert.equal(retryAfterSeconds(new Headers({ 'retry-after': '12' })), 12);
    assert.equal(retryAfterSeconds(new Headers({ 'retry-after-ms': '1500' })), 1.5);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const fromDate = retryAfterSeconds(new Headers({ 'retry-after': inAMinute })) ?? 0;
    assert.ok(fromDate > 50 && fromDate <= 60, String(fromDate));
    assert.equal(retryAfterSeconds(new Headers()), undefined);
    assert.equal(retryAfterSeconds(undefined), undefined);
  });
});
