import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TriggerSet } from '../../../src/core/skill/security/triggers';

describe('TriggerSet', () => {
  const set = new TriggerSet(['curl', 'ab', '<!--', 'sk-ant-']);
  const positionsIn = (text: string, offset = 0): (readonly number[] | undefined)[] => {
    const backing = Buffer.alloc(text.length + offset + 1);
    backing.write(text, offset, 'latin1');
    return Array.from(set.find(backing.subarray(offset, offset + text.length)).positions);
  };

  it('finds every word at even and odd offsets, in any case, on aligned and unaligned bytes', () => {
    for (const offset of [0, 1]) {
      assert.deepEqual(positionsIn('xCURL curl AB ab<!--', offset), [[1, 6], [11, 14], [16], undefined], `offset ${offset}`);
      assert.deepEqual(positionsIn('ab', offset), [undefined, [0], undefined, undefined]);
      assert.deepEqual(positionsIn('xab', offset), [undefined, [1], undefined, undefined]);
      assert.deepEqual(positionsIn('curlx', offset)[0], [0]);
      assert.deepEqual(positionsIn('a', offset), [undefined, undefined, undefined, undefined]);
    }
  });
});
