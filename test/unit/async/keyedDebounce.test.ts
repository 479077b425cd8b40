import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { KeyedDebounce } from '../../../src/core/async/keyedDebounce';

describe('KeyedDebounce', () => {
  it('runs only the last task of a key once the delay passed without another, each key on its own', (context) => {
    context.mock.timers.enable({ apis: ['setTimeout'] });
    const ran: string[] = [];
    const debounce = new KeyedDebounce(200);
    debounce.schedule('a', () => ran.push('a1'));
    context.mock.timers.tick(150);
    debounce.schedule('a', () => ran.push('a2'));
    debounce.schedule('b', () => ran.push('b1'));
    context.mock.timers.tick(150);
    assert.deepEqual(ran, [], 'typing went on: nothing ran yet');
    context.mock.timers.tick(50);
    assert.deepEqual(ran, ['a2', 'b1']);
    context.mock.timers.tick(1000);
    assert.deepEqual(ran, ['a2', 'b1'], 'each task runs once');
  });

  it('cancel drops one key, cancelAll every key', (context) => {
    context.mock.timers.enable({ apis: ['setTimeout'] });
    const ran = mock.fn();
    const debounce = new KeyedDebounce(200);
    debounce.schedule('a', ran);
    debounce.schedule('b', ran);
    debounce.cancel('a');
    context.mock.timers.tick(200);
    assert.equal(ran.mock.callCount(), 1);
    debounce.schedule('a', ran);
    debounce.schedule('b', ran);
    debounce.cancelAll();
    context.mock.timers.tick(200);
    assert.equal(ran.mock.callCount(), 1);
  });
});
