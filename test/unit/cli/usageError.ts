import assert from 'node:assert/strict';
import { UsageError } from '../../../src/cli/args';

/** The message of the usage error `read` throws; fails the test when it throws none. */
export function usageError(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message;
  }
  assert.fail('no usage error');
}
