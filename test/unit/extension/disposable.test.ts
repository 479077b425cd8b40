import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Disposable, type DisposableLike } from '../../../src/extension/shared/disposable';

class Owner extends Disposable {
  own<T extends DisposableLike>(value: T): T {
    return this._register(value);
  }

  get disposedYet(): boolean {
    return this.isDisposed;
  }
}

describe('Disposable', () => {
  it('disposes what it registered, newest first, once', () => {
    const order: string[] = [];
    const owner = new Owner();
    const first = owner.own({ dispose: () => order.push('first') });
    owner.own({ dispose: () => order.push('second') });
    assert.equal(typeof first.dispose, 'function', '_register hands the value back');
    assert.equal(owner.disposedYet, false);
    owner.dispose();
    owner.dispose();
    assert.deepEqual(order, ['second', 'first']);
    assert.equal(owner.disposedYet, true);
  });

  it('disposes at once what is registered after it was disposed', () => {
    const owner = new Owner();
    owner.dispose();
    let disposed = false;
    owner.own({ dispose: () => (disposed = true) });
    assert.equal(disposed, true);
  });
});
