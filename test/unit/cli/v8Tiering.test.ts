import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shortRunFlags } from '../../../src/cli/v8Tiering';

describe('the V8 tiering flags of skillsmith lint', () => {
  it('raises the interrupt budget on V8 11 (Node 20 and 21), where it was measured', () => {
    assert.deepEqual(shortRunFlags('11.3.244.8-node.33'), ['--interrupt-budget=540000']);
  });

  it('sets nothing on a V8 it was not measured on, which might not know the flag', () => {
    for (const version of ['12.4.254.21-node.33', '13.6.233.17-node.41', '14.0.1', '1.1', ''])
      assert.deepEqual(shortRunFlags(version), [], version);
  });
});
