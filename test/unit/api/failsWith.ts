import assert from 'node:assert/strict';
import { SkillsApiError, type ApiErrorKind } from '../../../src/core/api';

/** Asserts that `promise` rejects with a SkillsApiError of `kind`, and returns it. */
export async function failsWith(promise: Promise<unknown>, kind: ApiErrorKind): Promise<SkillsApiError> {
  const error = await promise.then(
    () => assert.fail(`expected a ${kind} error`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof SkillsApiError, String(error));
  assert.equal(error.kind, kind, error.message);
  return error;
}
