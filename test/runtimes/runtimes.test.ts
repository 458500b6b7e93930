// Deno and Bun (from their npm packages) run the same module the Node tests use, unchanged.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const projectDir = path.resolve(import.meta.dirname, '../..');
const smoke = path.join(projectDir, 'test/runtimes/smoke.mjs');
const bin = (name: string) => path.join(projectDir, 'node_modules/.bin', name);

const runtimes: Record<string, string[]> = {
  node: [process.execPath, smoke],
  deno: [bin('deno'), 'run', '--allow-read', '--allow-env', smoke],
  bun: [bin('bun'), smoke],
};

describe.each(Object.entries(runtimes))('%s', (_, [command, ...args]) => {
  it('answers version() and platform() in-thread and through a worker, and evaluates a ClassAd', async () => {
    const { stdout } = await run(command!, args, { cwd: projectDir, timeout: 30_000 });
    const answer = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(answer.inThread.version).toMatch(/^\$CondorVersion: 23\.9\.6 \S+ BuildID: htcondor-wasm-\S+ \$$/);
    expect(answer.inThread.platform).toBe('$CondorPlatform: WASM32-WebAssembly $');
    expect(answer.inWorker).toEqual(answer.inThread);
    expect(answer.classad).toBe(42);
  });
});
