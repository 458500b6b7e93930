// Deno and Bun (from their npm packages) run the same module the Node tests use, unchanged,
// including direct TCP to the real pool and the WebSocket proxy.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

import { afterAll, describe, expect, inject, it } from 'vitest';

import { startProxy } from 'htcondor-wasm/proxy';

const run = promisify(execFile);
const projectDir = path.resolve(import.meta.dirname, '../..');
const smoke = path.join(projectDir, 'test/runtimes/smoke.mjs');
const bin = (name: string) => path.join(projectDir, 'node_modules/.bin', name);

const runtimes: Record<string, string[]> = {
  node: [process.execPath, smoke],
  deno: [bin('deno'), 'run', '--allow-read', '--allow-env', '--allow-net', smoke],
  bun: [bin('bun'), smoke],
};

const pool = inject('pool');
const eventLog = path.join(mkdtempSync(path.join(os.tmpdir(), 'htcondor-wasm-smoke-')), 'job.log');
writeFileSync(
  eventLog,
  '000 (7.000.000) 2026-11-21 06:20:04 Job submitted from host: <127.0.0.1:9618?sock=schedd>\n...\n' +
    '006 (7.000.000) 2026-11-21 06:20:09 Image size of job updated: 23820\n\t5  -  MemoryUsage of job (MB)\n...\n' +
    '001 (7.000.000) 2026-11-21 06:20',  // an event still being written
);
const submitDir = mkdtempSync(path.join(os.tmpdir(), 'htcondor-wasm-smoke-submit-'));
writeFileSync(path.join(submitDir, 'part.inc'), 'executable = /bin/echo\n');
writeFileSync(path.join(submitDir, 'items.txt'), 'a\nb\n');
const proxy = await startProxy({ allow: [pool.collector] });
afterAll(() => proxy.close());
const env = {
  ...process.env,
  SMOKE_PROXY: proxy.url,
  SMOKE_COLLECTOR: pool.collector,
  SMOKE_TOKEN: readFileSync(pool.tokenFile, 'utf8').trim(),
  SMOKE_EVENT_LOG: eventLog,
  SMOKE_SUBMIT_DIR: submitDir,
};

describe.each(Object.entries(runtimes))('%s', (_, [command, ...args]) => {
  it('answers version() and platform() in-thread and through a worker, evaluates a ClassAd, queries the pool over direct TCP and through the proxy with an IDTOKENS session, reads an event log from a path and a stream, and makes job ads from a description with files', async () => {
    const { stdout } = await run(command!, args, { cwd: projectDir, timeout: 30_000, env });
    const answer = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(answer.inThread.version).toMatch(/^\$CondorVersion: 23\.9\.6 \S+ BuildID: htcondor-wasm-\S+ \$$/);
    expect(answer.inThread.platform).toBe('$CondorPlatform: WASM32-WebAssembly $');
    expect(answer.inWorker).toEqual(answer.inThread);
    expect(answer.classad).toBe(42);
    const expected = { user: pool.identity, crypto: 'AES', ads: [['Collector', true]] };
    expect(answer.pool).toEqual({ inThread: expected, inWorker: expected });
    expect(answer.proxied).toEqual({ inThread: expected, inWorker: expected });
    expect(answer.eventLog).toEqual({ path: ['0:7.0', '6:7.0'], stream: ['0:7.0', '6:7.0'] });
    expect(answer.submit).toEqual(['/bin/echo a', '/bin/echo b']);
  });
});
