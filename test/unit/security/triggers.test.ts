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

  it('finds a word that starts or ends at any byte around the chunks the pass reads at a time (16 KB)', () => {
    for (const start of [0, 16384 - 8, 32768 - 8])
      for (let at = start; at < start + 12; at++) {
        const text = `${'.'.repeat(at)}cUrl${'.'.repeat(at % 9)}`;
        assert.deepEqual(positionsIn(text, at & 3), [[at], undefined, undefined, undefined], `at ${at}`);
      }
  });

  /** Asserts that `subject` finds in random texts of `pieces` what a byte-by-byte search finds, word by word. */
  const assertLikeByteSearch = (subject: TriggerSet, subjectWords: readonly string[], pieces: readonly string[]): void => {
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let round = 0; round < 300; round++) {
      const parts: string[] = [];
      for (let n = round % 30 === 0 ? 12_000 : random(80); n > 0; n--) parts.push(pieces[random(pieces.length)]);
      const bytes = Buffer.from(parts.join(''));
      const lower = Buffer.from(bytes.toString('latin1').toLowerCase(), 'latin1');
      const { positions } = subject.find(bytes);
      subjectWords.forEach((word, index) => {
        const expected: number[] = [];
        for (let at = lower.indexOf(word); at >= 0 && expected.length < MAX_TRIGGER_POSITIONS; at = lower.indexOf(word, at + 1))
          expected.push(at);
        assert.deepEqual(positions[index] ?? [], expected, `round ${round}, ${word}`);
      });
    }
  };

  it('finds what a byte-by-byte search finds, in long and short texts of near misses, any case and non-ASCII', () => {
    assertLikeByteSearch(set, words, [
      'c',
      'u',
      'r',
      'l',
      'a',
      'b',
      'B',
      '<!-',
      '-',
      'sk-',
      'ANT',
      '\r\n',
      '\r',
      '\u00e9',
      '\ufeff',
      ' ',
      ...words,
    ]);
  });

  it('finds every occurrence of words that overlap themselves, in text order', () => {
    const overlapping = ['aa', 'aaa', 'aaaa', 'abab', 'bab'];
    assertLikeByteSearch(new TriggerSet(overlapping), overlapping, ['a', 'A', 'b', 'ab', ' ']);
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
