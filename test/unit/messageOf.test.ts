import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messageOf } from '../../src/core/messageOf';

describe('messageOf', () => {
  it('says an Error by its message and anything else thrown as text', () => {
    assert.equal(messageOf(new TypeError('bad input')), 'bad input');
    assert.equal(messageOf('a string was thrown'), 'a string was thrown');
    assert.equal(messageOf(42), '42');
    assert.equal(messageOf(undefined), 'undefined');
  });
});
