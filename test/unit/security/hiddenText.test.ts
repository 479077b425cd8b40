import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findHiddenRuns, mayHoldHiddenText } from '../../../src/core/skill/security/hiddenText';

describe('mayHoldHiddenText', () => {
  it('is true exactly for the characters findHiddenRuns reports, over every code point of the planes that hold them', () => {
    const missed: string[] = [];
    const extra: string[] = [];
    for (let code = 0x80; code <= 0xe0100; code++) {
      if ((code >= 0xd800 && code <= 0xdfff) || (code > 0xffff && code < 0xe0000)) continue;
      const text = `a${String.fromCodePoint(code)}a`;
      const reported = findHiddenRuns(text, 1).length > 0;
      if (mayHoldHiddenText(Buffer.from(text, 'utf8')) !== reported) (reported ? missed : extra).push(code.toString(16));
    }
    assert.deepEqual({ missed, extra }, { missed: [], extra: [] });
  });

  it('is false for ASCII, for a lead byte cut off at the end and for invalid sequences', () => {
    assert.equal(mayHoldHiddenText(Buffer.from('plain ascii')), false);
    assert.equal(mayHoldHiddenText(Buffer.from([0x61, 0xe2, 0x80])), false);
    assert.equal(mayHoldHiddenText(Buffer.from([0xf3, 0xa0, 0x80])), false);
    assert.equal(mayHoldHiddenText(Buffer.from([0xe2, 0x8b, 0x80, 0x80])), false);
  });
});
