import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelledCases, securityRulesOf } from './labelledSet';

describe('the labelled security set', () => {
  for (const { name, dir, profile, expect } of labelledCases()) {
    it(`${name} raises ${expect.length === 0 ? 'nothing' : expect.join(', ')} (${profile})`, () => {
      assert.deepEqual(securityRulesOf(dir, profile), expect);
    });
  }
});
