import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_TRIGGER_POSITIONS, TriggerSet } from '../../../src/core/skill/security/triggers';

describe('TriggerSet', () => {
  const words = ['curl', 'ab', '<!--', 'sk-ant-'];
  const set = new TriggerSet(words);
  /** The positions of each word in `text`, its bytes starting `offset` bytes into their buffer (aligned or not). */
  const positionsIn = (text: string, offset = 0): (readonly number[] | undefined)[] => {
    const backing = Buffer.alloc(text.length + offset + 1);
    backing.write(text, offset, 'latin1');
    const { positions } = set.find(backing.subarray(offset, offset + text.length));
    return words.map((_, index) => positions[index]);
  };

  it('finds every word at even and odd offsets, in any case, on aligned and unaligned bytes', () => {
    for (const offset of [0, 1, 2, 3]) {
      assert.deepEqual(positionsIn('xCURL curl AB ab<!--', offset), [[1, 6], [11, 14], [16], undefined], `offset ${offset}`);
      assert.deepEqual(positionsIn('ab', offset), [undefined, [0], undefined, undefined]);
      assert.deepEqual(positionsIn('xab', offset), [undefined, [1], undefined, undefined]);
      assert.deepEqual(positionsIn('curlx', offset)[0], [0]);
      assert.deepEqual(positionsIn('a', offset), [undefined, undefined, undefined, undefined]);
    }
  });

  it('finds a word wherever it starts and ends among the 4-byte groups the pass reads', () => {
    for (let offset = 0; offset < 4; offset++)
      for (let before = 0; before < 12; before++)
        for (let after = 0; after < 6; after++) {
          const text = `${'.'.repeat(before)}Sk-AnT-${'.'.repeat(after)}aB`;
          assert.deepEqual(
            positionsIn(text, offset),
            [undefined, [text.length - 2], undefined, [before]],
            `offset ${offset}, ${before} bytes before, ${after} after`,
          );
        }
  });

  it('keeps the first positions of a word that occurs too often, in order', () => {
    const text = 'curl '.repeat(MAX_TRIGGER_POSITIONS + 50);
    assert.deepEqual(
      positionsIn(text)[0],
      Array.from({ length: MAX_TRIGGER_POSITIONS }, (_, k) => 5 * k),
    );
  });

  it('finds nothing in text of near misses', () => {
    const hits = set.find(Buffer.from('cur url <!- sk-an a b '.repeat(100)));
    assert.deepEqual(hits.found, []);
  });
});
