import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadOnce } from './load-once.js';

describe('loadOnce', () => {
  it('runs the loader once for concurrent and later calls', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { loaded: loads };
    });
    const [a, b] = await Promise.all([load(), load()]);
    assert.equal(a, b);
    assert.equal(await load(), a);
    assert.equal(loads, 1);
  });

  it('forgets a failed load so the next call tries again', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads++;
      if (loads === 1) throw new Error('first load fails');
      return 'ok';
    });
    await assert.rejects(Promise.all([load(), load()]), /first load fails/);
    assert.equal(await load(), 'ok');
    assert.equal(loads, 2);
  });
});
