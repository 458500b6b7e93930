// Collector against the real pool, from the main thread through the worker and the WASM core,
// over direct TCP and through the proxy, compared with what condor_status (HTCondor's own tool,
// in the pool's root) shows for the same query.
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

import { afterAll, describe, expect, inject, it } from 'vitest';

import { classad, htcondor, HTCondorEnumError, HTCondorIOError, HTCondorLocateError, HTCondorValueError } from 'htcondor-wasm';
import { startProxy } from 'htcondor-wasm/proxy';

import { adsByKey, condorStatusLong, settled } from '../helpers/condor-status.js';
import { poolAllowRules } from '../helpers/pool-addresses.js';

const { ClassAd } = classad;

const pool = inject('pool');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');
const condorStatus = (...args: string[]) =>
  execFileSync(inRoot, ['--user', pool.user, 'condor_status', ...args], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean)
    .sort();

// Ads other test files advertise and take out again, left out where a query counts ads.
const stable = '!regexp("^htcondor-wasm-", Name)';

// Every check runs both ways: over the runtime's TCP, and through the proxy (as browsers do),
// which allows what a site's would.
const proxy = await startProxy({ allow: await poolAllowRules(pool.collector) });
afterAll(() => proxy.close());
const transports: [string, htcondor.ConnectionOptions][] = [
  ['direct TCP', {}],
  ['the proxy', { proxy: proxy.url }],
];

describe.each(transports)('Collector.query over %s', (_, via) => {
  const collector = new htcondor.Collector(pool.collector, via);

  it('returns the slot ads condor_status shows, with a constraint and a projection', async () => {
    // Attributes that do not change while jobs come and go (a slot's Cpus do).
    let ads: classad.ClassAd[] = [];
    const [ours, theirs] = await settled(async () => {
      ads = await collector.query(htcondor.AdTypes.Startd, 'Cpus > 0', ['Name', 'Arch']);
      return [ads.map((ad) => `${String(ad.get('Name'))} ${String(ad.get('Arch'))}`).sort(), condorStatus('-constraint', 'Cpus > 0', '-af', 'Name', 'Arch')];
    });
    expect(ours).toEqual(theirs);
    expect(ads.every((ad) => ad.keys().length === 2)).toBe(true);
  });

  it('returns every daemon of the pool for AdTypes.Any', async () => {
    const [types, theirs] = await settled(async () => [
      (await collector.query(htcondor.AdTypes.Any, stable, ['MyType'])).map((ad) => String(ad.get('MyType'))).sort(),
      condorStatus('-any', '-constraint', stable, '-af', 'MyType'),
    ]);
    expect(types).toEqual(theirs);
    expect(types).toEqual(expect.arrayContaining(['Collector', 'DaemonMaster', 'Machine', 'Negotiator', 'Scheduler']));
  });

  // Every ad type, as condor_status -l shows it: the same ads (MyType, Name) with the same
  // attributes. Values are not compared wholesale: statistics change between the two queries.
  const statusArgs: [string, htcondor.AdTypes, string[]][] = [
    ['Startd (slots)', htcondor.AdTypes.Startd, []],
    ['StartDaemon', htcondor.AdTypes.StartDaemon, ['-startd']],
    ['Schedd', htcondor.AdTypes.Schedd, ['-schedd']],
    ['Master', htcondor.AdTypes.Master, ['-master']],
    ['Submitter', htcondor.AdTypes.Submitter, ['-submitters']],
    ['Collector', htcondor.AdTypes.Collector, ['-collector']],
    ['Negotiator', htcondor.AdTypes.Negotiator, ['-negotiator']],
    ['Accounting', htcondor.AdTypes.Accounting, ['-subsystem', 'accounting']],
    ['Any', htcondor.AdTypes.Any, ['-any']],
    ['Generic', htcondor.AdTypes.Generic, ['-generic']],
    ['Defrag', htcondor.AdTypes.Defrag, ['-defrag']],
    ['Grid', htcondor.AdTypes.Grid, ['-grid']],
  ];
  it.each(statusArgs)('returns the %s ads condor_status -l shows, with the same attributes', async (__, adType, args) => {
    const [ours, theirs] = await settled(async () => [adsByKey(await collector.query(adType)), condorStatusLong(pool.user, ...args)]);
    expect(ours).toEqual(theirs);
  });

  it('returns nothing for a constraint nothing satisfies', async () => {
    expect(await collector.query(htcondor.AdTypes.Schedd, 'false')).toEqual([]);
  });

  it('rejects an unknown ad type with HTCondorValueError', async () => {
    await expect(collector.query(99 as never)).rejects.toThrow(HTCondorValueError);
  });
});

describe.each(transports)('Collector location and advertising over %s', (how, via) => {
  const collector = new htcondor.Collector(pool.collector, via);
  // A token for the pool's own daemon identity (ALLOW_DAEMON), minted with the pool's key.
  const daemonToken = execFileSync(inRoot, ['condor_token_create', '-identity', `condor@${pool.identity.split('@')[1]}`], { encoding: 'utf8' }).trim();

  it('locate finds the schedd by type and by name, with the address reachable through the shared port', async () => {
    const [name] = condorStatus('-schedd', '-af', 'Name');
    const any = await collector.locate(htcondor.DaemonTypes.Schedd);
    const named = await collector.locate(htcondor.DaemonTypes.Schedd, name!.toUpperCase());
    expect(named.get('Name')).toBe(name);
    expect(String(named.get('MyAddress'))).toContain('sock=schedd');
    expect(named.keys().sort()).toEqual(['AddressV1', 'CondorPlatform', 'CondorVersion', 'Machine', 'MyAddress', 'Name']);
    expect(any.get('MyAddress')).toBe(named.get('MyAddress'));
    await expect(collector.locate(htcondor.DaemonTypes.Schedd, 'no-such-schedd')).rejects.toThrow(HTCondorLocateError);
  });

  it('locateAll returns the location of every daemon of a type', async () => {
    let ads: classad.ClassAd[] = [];
    const [ours, theirs] = await settled(async () => {
      ads = await collector.locateAll(htcondor.DaemonTypes.Startd);
      return [ads.map((ad) => String(ad.get('Name'))).sort(), condorStatus('-af', 'Name')];
    });
    expect(ours).toEqual(theirs);
    expect(ads.every((ad) => typeof ad.get('MyAddress') === 'string')).toBe(true);
  });

  it('directQuery asks the schedd itself, through the shared port', async () => {
    const ad = await collector.directQuery(htcondor.DaemonTypes.Schedd);
    expect(ad.get('MyType')).toBe('Scheduler');
    expect(ad.get('Name')).toBe(condorStatus('-schedd', '-af', 'Name')[0]);
  });

  it('advertise puts a generic ad into the collector, and an invalidation takes it out again', async () => {
    const security = new htcondor.SecMan();
    security.setToken(daemonToken);
    const writer = new htcondor.Collector(pool.collector, { ...via, security });
    const name = `htcondor-wasm-test-${process.pid}-${how.replace(/\W/g, '-')}`;
    // An update has no reply: the collector takes it in once it reads it, maybe after a query
    // on another connection, so the checks wait for it.
    const answers = async () => (await collector.query(htcondor.AdTypes.Generic, `Name == ${JSON.stringify(name)}`, ['Name', 'Answer'])).map((ad) => ad.get('Answer'));
    await writer.advertise([new ClassAd({ MyType: 'Generic', Name: name, Answer: 42 })]);
    await expect.poll(answers, { timeout: 10_000 }).toEqual([42]);
    expect(condorStatus('-generic', '-constraint', `Name == "${name}"`, '-af', 'Answer')).toEqual(['42']);

    const invalidation = new ClassAd({ MyType: 'Query', TargetType: 'Generic' });
    invalidation.set('Requirements', new classad.ExprTree(`Name == ${JSON.stringify(name)}`));
    await writer.advertise([invalidation], 'INVALIDATE_ADS_GENERIC');
    await expect.poll(answers, { timeout: 10_000 }).toEqual([]);
  });

  it('advertise refuses unknown commands and UDP', async () => {
    const ad = new ClassAd({ MyType: 'Generic', Name: 'x' });
    await expect(collector.advertise([ad], 'NOT_A_COMMAND')).rejects.toThrow(HTCondorEnumError);
    await expect(collector.advertise([ad], 'UPDATE_AD_GENERIC', false)).rejects.toThrow(HTCondorValueError);
  });
});

describe('Collector failures over direct TCP', () => {
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

  it('fails with HTCondorIOError when the peer accepts but never answers, at the timeout', async () => {
    const server = net.createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const started = performance.now();
      const error = await new htcondor.Collector(`127.0.0.1:${port}`, { timeout: 1 }).query().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HTCondorIOError);
      expect((error as Error).message).toBe('no security policy response from the daemon: timed out');
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      server.close();
    }
  });

});

