import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countOf, formatCount } from '../../../src/core/text/count';

describe('counts', () => {
  it('writes thousands separators', () => {
    assert.equal(formatCount(0), '0');
    assert.equal(formatCount(1800), '1,800');
    assert.equal(formatCount(1234567), '1,234,567');
  });

  it('puts the noun in the form the count takes', () => {
    assert.equal(countOf(1, 'file'), '1 file');
    assert.equal(countOf(0, 'file'), '0 files');
    assert.equal(countOf(2100, 'file'), '2,100 files');
    assert.equal(countOf(1, 'entry', 'entries'), '1 entry');
    assert.equal(countOf(3, 'entry', 'entries'), '3 entries');
  });
});
