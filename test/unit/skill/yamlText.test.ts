import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSafePlainString, isYaml11Word } from '../../../src/core/skill/yamlText';

/** The patterns `isSafePlainString` was first written as: the checks without patterns must agree with them. */
function patternSafePlainString(value: string): boolean {
  if (value === '' || /^(?:y|yes|n|no|true|false|on|off|null|~)$/i.test(value)) return false;
  if (!/^[A-Za-z_(/$^;<)]/.test(value)) return false;
  return !/[\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|: |:$| #|\s$/.test(value);
}

describe('plain YAML strings', () => {
  it('agrees with the patterns on every first character and on the edge cases', () => {
    const values = ['', '~', 'y', 'Y', 'yes', 'YeS', 'false', 'FALSE', 'falsey', 'null', 'Null', 'nulls', 'on', 'off', 'offs'];
    values.push('a: b', 'a:', 'a:b', 'a #b', 'a#b', 'a ', 'a\t', 'a\u00a0', 'a\u3000', 'a\u2028b', 'a\ufeffb', 'a\u0085');
    values.push('ſ', 'K', 'İ', 'Ⅰ', 'é', '@a', '`a', '[a', '{a', '\ud800', 'a\ud800', 'x'.repeat(100_000));
    for (let code = 0; code < 0x3100; code++) {
      const char = String.fromCharCode(code);
      values.push(char, `${char}a`, `a${char}`, `${char}${char}`);
    }
    for (const value of values) {
      assert.equal(isSafePlainString(value), patternSafePlainString(value), JSON.stringify(value.slice(0, 20)));
    }
  });

  it('knows the YAML 1.1 words in any case, and nothing longer', () => {
    for (const word of ['y', 'N', 'yes', 'No', 'TRUE', 'false', 'On', 'oFF', 'null', '~']) assert.equal(isYaml11Word(word), true, word);
    for (const word of ['', 'yess', 'nul', 'truee', 'falsey', 'o', 'nil', ' yes']) assert.equal(isYaml11Word(word), false, word);
  });
});
