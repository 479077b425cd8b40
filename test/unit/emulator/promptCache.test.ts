import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CACHE_TTL_MS, PromptCache, type PromptSegment } from '../../../src/emulator/promptCache';

/** Ten-token blocks named by `names`; a name ending in `*` carries a breakpoint. */
const blocks = (...names: string[]): PromptSegment[] =>
  names.map((name) => ({ json: name.replace('*', ''), tokens: 10, breakpoint: name.endsWith('*') }));

describe('emulator: the prompt cache', () => {
  it('reads the longest cached prefix at a breakpoint or up to 20 blocks before it, and writes up to the last breakpoint', () => {
    const cache = new PromptCache();
    assert.deepEqual(cache.use('m', blocks('a', 'b*', 'c')), {
      input_tokens: 10,
      cache_creation_input_tokens: 20,
      cache_read_input_tokens: 0,
    });
    assert.deepEqual(cache.use('m', blocks('a', 'b', 'c', 'd*')), {
      input_tokens: 0,
      cache_creation_input_tokens: 20,
      cache_read_input_tokens: 20,
    });
    assert.deepEqual(cache.use('other', blocks('a', 'b', 'c', 'd*')).cache_read_input_tokens, 0, 'another scope shares nothing');
    const far = blocks('a', 'b', ...Array.from({ length: 20 }, (_, index) => `x${index}`), 'y*');
    assert.equal(cache.use('m', far).cache_read_input_tokens, 0, 'the cached prefix lies more than 20 blocks back');
  });

  it('forgets a prefix five minutes after it was last written or read', () => {
    const cache = new PromptCache();
    cache.use('m', blocks('a*'), 0);
    assert.equal(cache.use('m', blocks('a', 'b*'), CACHE_TTL_MS - 1).cache_read_input_tokens, 10, 'read just in time, which refreshes it');
    assert.equal(cache.use('m', blocks('a', 'c*'), 2 * CACHE_TTL_MS - 2).cache_read_input_tokens, 10);
    assert.equal(cache.use('m', blocks('a', 'd*'), 4 * CACHE_TTL_MS).cache_read_input_tokens, 0, 'expired');
  });
});
