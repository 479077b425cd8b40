import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countOf, formatCount } from '../../../src/core/text/count';

describe('counts', () => {
  it('writes thousands separators', () => {
    assert.equal(formatCount(0), '0');
    assert.equal(formatCount(1800), '1,800');
    assert.equal(formatCount(1234567), '1,234,567');
  });

  it('writes every number as toLocaleString("en-US") does', () => {
    const numbers = [-0, 0.5, -1234.5678, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 60, 1e21];
    for (let digits = 1; digits <= 16; digits++) {
      const base = 10 ** (digits - 1);
      numbers.push(base, -base, base * 9 + 7, -(base * 9 + 7), base + 1, 10 ** digits - 1);
    }
    for (const value of numbers) assert.equal(formatCount(value), value.toLocaleString('en-US'), String(value));
  });

  it('puts the noun in the form the count takes', () => {
    assert.equal(countOf(1, 'file'), '1 file');
    assert.equal(countOf(0, 'file'), '0 files');
    assert.equal(countOf(2100, 'file'), '2,100 files');
    assert.equal(countOf(1, 'entry', 'entries'), '1 entry');
    assert.equal(countOf(3, 'entry', 'entries'), '3 entries');
  });
});
