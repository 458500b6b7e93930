// Collector.query against the real pool, from the main thread through the worker and the WASM
// core over direct TCP, compared with what condor_status (HTCondor's own tool, in the pool's
// root) shows for the same query.
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { htcondor, HTCondorIOError, HTCondorValueError } from 'htcondor-wasm';

const pool = inject('pool');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');
const condorStatus = (...args: string[]) =>
  execFileSync(inRoot, ['--user', pool.user, 'condor_status', ...args], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean)
    .sort();

describe('Collector.query', () => {
  const collector = new htcondor.Collector(pool.collector);

  it('returns the slot ads condor_status shows, with a constraint and a projection', async () => {
    const ads = await collector.query(htcondor.AdTypes.Startd, 'Cpus > 0', ['Name', 'Cpus']);
    expect(ads.map((ad) => `${String(ad.get('Name'))} ${String(ad.get('Cpus'))}`).sort()).toEqual(
      condorStatus('-constraint', 'Cpus > 0', '-af', 'Name', 'Cpus'),
    );
    expect(ads.every((ad) => ad.keys().length === 2)).toBe(true);
  });

  it('returns every daemon of the pool for AdTypes.Any', async () => {
    const types = (await collector.query()).map((ad) => String(ad.get('MyType'))).sort();
    expect(types).toEqual(condorStatus('-any', '-af', 'MyType'));
    expect(types).toEqual(expect.arrayContaining(['Collector', 'DaemonMaster', 'Machine', 'Negotiator', 'Scheduler']));
  });

  it('returns nothing for a constraint nothing satisfies', async () => {
    expect(await collector.query(htcondor.AdTypes.Schedd, 'false')).toEqual([]);
  });

  it('fails with HTCondorIOError when nothing listens at the address', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const error = await new htcondor.Collector(`127.0.0.1:${port}`).query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect((error as Error).message).toBe(`cannot connect to 127.0.0.1:${port}: ECONNREFUSED`);
  });

  it('fails with HTCondorIOError when the peer is not a collector and closes', async () => {
    const server = net.createServer((socket) => socket.end('not HTCondor'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      await expect(new htcondor.Collector(`127.0.0.1:${port}`).query()).rejects.toThrow(HTCondorIOError);
    } finally {
      server.close();
    }
  });

  it('rejects an unknown ad type with HTCondorValueError', async () => {
    await expect(collector.query(99 as never)).rejects.toThrow(HTCondorValueError);
  });
});
