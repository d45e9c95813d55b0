import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../ingest/memory.js';

describe('collectGarbage', () => {
  it('frees an unreachable buffer at once, without node being started with --expose-gc', async () => {
    let big: Float32Array | null = new Float32Array(4 * 2 ** 20);
    const ref = new WeakRef(big);
    big = null;
    // A WeakRef's target lives until the end of the turn that made it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('can be called again', async () => {
    collectGarbage();
    let obj: object | null = { payload: new Array(1000).fill('x') };
    const ref = new WeakRef(obj);
    obj = null;
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
