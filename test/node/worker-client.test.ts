// The worker boundary's failure paths, with real worker_threads workers: a worker that dies
// mid-call must reject the call (never hang), and typed errors keep their class and cause.
// Answers that carry records cross by transfer.
import { MessageChannel, Worker } from 'node:worker_threads';

import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { describe, expect, it } from 'vitest';

import { connectWorker, type WorkerHandle } from '../../build/ts/src/core/worker-client.js';
import type { CorePort } from '../../build/ts/src/core/port.js';
import { HTCondorInternalError, HTCondorIOError } from '../../build/ts/src/errors.js';
import { transferringRecords } from '../../build/ts/worker/transfer-results.js';

function failingWorker(): { handle: WorkerHandle; worker: Worker; held: boolean[] } {
  const worker = new Worker(new URL('./fixtures/failing-worker.mjs', import.meta.url));
  const held: boolean[] = [];
  const handle: WorkerHandle = {
    endpoint: nodeEndpoint(worker),
    hold: (active) => held.push(active),
    onExit: (listener) => worker.once('exit', (code) => listener(new Error(`exit code ${code}`))),
  };
  return { handle, worker, held };
}

type Remote = Record<string, (...args: unknown[]) => Promise<unknown>>;

describe('the worker client', () => {
  it('rejects a pending call when the worker dies, and every call after it', async () => {
    const { handle } = failingWorker();
    const connection = connectWorker(handle);
    const remote = connection.port as unknown as Remote;
    expect(await remote['ok']!()).toBe('ok');
    await expect(remote['exit']!(3)).rejects.toThrow(HTCondorInternalError);
    await expect(remote['ok']!()).rejects.toThrow(/the core worker stopped: exit code 3/);
    expect(connection.alive()).toBe(false);
  });

  it('gives errors from the worker back their HTCondor class', async () => {
    const { handle, worker } = failingWorker();
    const remote = connectWorker(handle).port as unknown as Remote;
    const error = await remote['throwNamed']!('HTCondorInternalError', 'core exploded').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTCondorInternalError);
    expect((error as Error).message).toBe('core exploded');
    const plain = await remote['throwNamed']!('TypeError', 'plain').catch((e: unknown) => e);
    expect(plain).not.toBeInstanceOf(HTCondorInternalError);
    await worker.terminate();
  });

  it('keeps an error\'s cause, and its cause\'s, across the worker', async () => {
    const { handle, worker } = failingWorker();
    const remote = connectWorker(handle).port as unknown as Remote;
    const error = (await remote['throwWithCause']!().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect(error.name).toBe('HTCondorIOError');
    expect(error.message).toBe('cannot write the token');
    const cause = error.cause as Error;
    expect(cause).toBeInstanceOf(Error);
    expect(cause.message).toBe('EACCES');
    expect(cause.cause).toBeInstanceOf(RangeError);
    expect((cause.cause as Error).message).toBe('the innermost cause');
    await worker.terminate();
  });

  it('holds the process only while calls are in flight', async () => {
    const { handle, worker, held } = failingWorker();
    const remote = connectWorker(handle).port as unknown as Remote;
    await Promise.all([remote['ok']!(), remote['ok']!()]);
    expect(held).toEqual([true, false]);
    await worker.terminate();
  });

  it('is not mistaken for a promise', async () => {
    const { handle, worker } = failingWorker();
    const connection = connectWorker(handle);
    expect((connection.port as unknown as { then?: unknown }).then).toBeUndefined();
    await worker.terminate();
  });

  it('hands records over by transfer, leaving the host none of their bytes, and other answers as they are', async () => {
    const records = () => ({ bytes: Uint8Array.of(1, 2, 3, 4), ends: Uint32Array.of(1, 4) });
    const step = { id: 7, items: [records(), '{"job":1}', records()], done: false };
    // A view over part of a larger buffer is copied: moving it would take the whole buffer.
    const shared = new Uint8Array(16).fill(9);
    const partial = { bytes: shared.subarray(4, 8), ends: Uint32Array.of(4) };
    const list = [records()];
    const host = { adStream: async () => step, collectorQuery: async () => list, scheddRetrieve: async () => ({ id: 8, items: [partial], done: true }), version: async () => 'v' } as unknown as CorePort;
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(transferringRecords(host), nodeEndpoint(port1));
    const remote = Comlink.wrap<Record<string, () => Promise<unknown>>>(nodeEndpoint(port2));
    const got = (await remote['adStream']!()) as typeof step;
    expect(got).toEqual({ id: 7, items: [records(), '{"job":1}', records()], done: false });
    expect(await remote['collectorQuery']!()).toEqual([records()]);
    // Moved, not copied: the host's buffers are detached.
    for (const r of [step.items[0], step.items[2], list[0]] as ReturnType<typeof records>[]) expect([r.bytes.byteLength, r.ends.byteLength]).toEqual([0, 0]);
    expect(((await remote['scheddRetrieve']!()) as typeof step).items).toEqual([{ bytes: Uint8Array.of(9, 9, 9, 9), ends: Uint32Array.of(4) }]);
    expect([shared.byteLength, partial.ends.byteLength]).toEqual([16, 0]);
    expect(await remote['version']!()).toBe('v');
    port2.close();
  });
});
