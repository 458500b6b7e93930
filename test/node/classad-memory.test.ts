// Core memory is returned: a million ads created and dropped leave the engine's WebAssembly
// memory where it was (it only ever grows, so a leak would show), both when ads are disposed
// and when they are left to the garbage collector.
import { describe, expect, it } from 'vitest';

import { classad } from 'htcondor-wasm/inthread';

import { collectGarbage } from '../helpers/collect-garbage.js';

const memory = () => classad.engineMemoryBytes();

function churn(count: number, dispose: boolean): void {
  for (let i = 0; i < count; i++) {
    const ad = new classad.ClassAd({ ClusterId: i, Owner: 'alice', Requirements: true });
    if (ad.eval('ClusterId') !== i) throw new Error('wrong value');
    if (dispose) ad.dispose();
  }
}

describe('ClassAd memory', () => {
  it('does not grow over a million disposed ads', () => {
    churn(20_000, true);
    const before = memory();
    churn(1_000_000, true);
    expect(memory() - before).toBe(0);
  }, 300_000);

  it('is freed by the garbage collector for ads never disposed', async () => {
    churn(100_000, false);
    await collectGarbage();
    const before = memory();
    for (let round = 0; round < 3; round++) {
      churn(100_000, false);
      await collectGarbage();
    }
    expect(memory() - before).toBe(0);
  }, 300_000);
});
