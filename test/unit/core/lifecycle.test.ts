import * as assert from 'node:assert/strict';
import { Disposable, DisposableStore, toDisposable } from '../../../src/core/lifecycle';

describe('core/lifecycle', () => {
  it('disposes in reverse order, once', () => {
    const order: number[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push(1)));
    store.add(toDisposable(() => order.push(2)));
    store.dispose();
    store.dispose();
    assert.deepEqual(order, [2, 1]);
  });

  it('disposes at once what is added after disposal', () => {
    const store = new DisposableStore();
    store.dispose();
    let disposed = false;
    store.add(toDisposable(() => (disposed = true)));
    assert.equal(disposed, true);
  });

  it('keeps disposing when one item throws, then rethrows', () => {
    const store = new DisposableStore();
    let second = false;
    store.add(toDisposable(() => (second = true)));
    store.add(toDisposable(() => { throw new Error('boom'); }));
    assert.throws(() => store.dispose(), /boom/);
    assert.equal(second, true);
  });

  it('a Disposable subclass disposes what it registered', () => {
    let n = 0;
    class Owner extends Disposable {
      constructor() {
        super();
        this.register(toDisposable(() => n++));
      }
    }
    new Owner().dispose();
    assert.equal(n, 1);
  });
});
