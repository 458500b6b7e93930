// The first slice through every layer, in Node: the C++ core answers through the worker
// (worker_threads + Comlink) and in-thread, both through the package's exports map.
import { describe, expect, it } from 'vitest';

import { htcondor } from 'htcondor-wasm';
import { htcondor as inThread } from 'htcondor-wasm/inthread';

const banner = /^\$CondorVersion: 23\.9\.6 \d{4}-\d{2}-\d{2} BuildID: htcondor-wasm-\d+\.\d+\.\d+\S* \$$/;

describe('htcondor.version() and platform()', () => {
  it('answer from the WASM core through the worker', async () => {
    expect(await htcondor.version()).toMatch(banner);
    expect(await htcondor.platform()).toBe('$CondorPlatform: WASM32-WebAssembly $');
  });

  it('answer the same in-thread', async () => {
    expect(await inThread.version()).toBe(await htcondor.version());
    expect(await inThread.platform()).toBe(await htcondor.platform());
  });

  it('serve concurrent calls', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => htcondor.version()));
    expect(new Set(answers).size).toBe(1);
  });
});
