// Schedd against the real pool (shipped secure configuration, the test user's token), over
// direct TCP and through the proxy, compared with HTCondor's own condor_q / condor_history in
// the pool's root.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, inject, it } from 'vitest';

import { classad, htcondor, HTCondorIOError, HTCondorValueError } from 'htcondor-wasm';
import { startProxy } from 'htcondor-wasm/proxy';

import { poolAllowRules } from '../helpers/pool-addresses.js';

const pool = inject('pool');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');
const token = readFileSync(pool.tokenFile, 'utf8').trim();
const security = new htcondor.SecMan();
security.setToken(token);

const proxy = await startProxy({ allow: await poolAllowRules(pool.collector) });
afterAll(() => proxy.close());

// The test user's home inside the root (where its jobs run) and outside it (where we look).
const jobsDir = 'schedd-test';
const inside = `/home/${pool.user}/${jobsDir}`;
const outside = path.join(pool.userHome, jobsDir);
mkdirSync(outside, { recursive: true });
execFileSync(inRoot, ['chown', '-R', pool.user, inside]);

// HTCondor's tools run asynchronously: the proxy runs in this process and must keep relaying
// (a connection the library closed must reach the schedd, or the tool waits on a busy schedd).
const run = promisify(execFile);
const asUser = async (tool: string, ...args: string[]) => (await run(inRoot, ['--user', pool.user, tool, ...args], { encoding: 'utf8' })).stdout;
/** condor_q -af for a constraint: one line of the attributes' values per job, sorted. */
const condorQ = async (constraint: string, ...attrs: string[]) =>
  (await asUser('condor_q', '-constraint', constraint, '-af', ...attrs)).trim().split('\n').filter(Boolean).sort();

async function schedd(via: htcondor.ConnectionOptions) {
  const collector = new htcondor.Collector(pool.collector, { ...via, security });
  return new htcondor.Schedd(await collector.locate(htcondor.DaemonTypes.Schedd), { ...via, security });
}

/** Waits until `constraint` matches no job in the queue (they completed or were removed). */
async function drained(s: htcondor.Schedd, constraint: string, seconds = 90): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if ((await s.query(constraint, ['ProcId'])).length === 0) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`jobs matching ${constraint} did not leave the queue in ${seconds} s`);
}

const description = (extra: Record<string, string> = {}) => new htcondor.Submit({
  executable: '/bin/sh',
  arguments: '"-c \'echo proc $(Process) ran\'"',
  output: `${inside}/out.$(Cluster).$(Process)`,
  error: `${inside}/err.$(Cluster).$(Process)`,
  log: `${inside}/job.log`,
  request_memory: '16',
  request_disk: '1024',
  ...extra,
}, { cwd: inside });

describe.each([
  ['direct TCP', {}],
  ['the proxy', { proxy: proxy.url }],
] as [string, htcondor.ConnectionOptions][])('Schedd over %s', (_, via) => {
  it('runs a 3-proc cluster to completion; history and jobEpochHistory find it as condor_history (-epochs) does', async () => {
    const s = await schedd(via);
    const result = await s.submit(description(), { count: 3 });
    expect(result.numProcs).toBe(3);
    expect(result.firstProc).toBe(0);
    expect(result.clusterAd.get('ClusterId')).toBe(result.clusterId);
    await drained(s, `ClusterId == ${result.clusterId}`);
    for (const proc of [0, 1, 2]) {
      expect(readFileSync(path.join(outside, `out.${result.clusterId}.${proc}`), 'utf8')).toBe(`proc ${proc} ran\n`);
    }
    const history = [];
    for await (const ad of await s.history(`ClusterId == ${result.clusterId}`, ['ClusterId', 'ProcId', 'ExitCode', 'Owner'])) history.push(ad);
    expect(history.map((ad) => ad.get('ProcId')).sort()).toEqual([0, 1, 2]);
    expect(history.every((ad) => ad.get('ExitCode') === 0 && ad.get('Owner') === pool.user)).toBe(true);
    // The full records carry what condor_history -l shows.
    const full = [];
    for await (const ad of await s.history(`ClusterId == ${result.clusterId} && ProcId == 0`, [], 1)) full.push(ad);
    const theirs = await asUser('condor_history', '-l', '-match', '1', '-constraint', `ClusterId == ${result.clusterId} && ProcId == 0`);
    const names = theirs.split('\n').map((line) => /^(\w+) = /.exec(line)?.[1]).filter((n): n is string => !!n).sort();
    expect(full).toHaveLength(1);
    expect(full[0]!.keys().sort()).toEqual(names);
    // One run each: one epoch record per proc, as condor_history -epochs shows.
    const epochs = [];
    for await (const ad of await s.jobEpochHistory(`ClusterId == ${result.clusterId}`, ['ProcId', 'NumShadowStarts'])) epochs.push(ad);
    const theirEpochs = await asUser('condor_history', '-epochs', '-constraint', `ClusterId == ${result.clusterId}`, '-af', 'ProcId', 'NumShadowStarts');
    expect(epochs.map((ad) => `${String(ad.get('ProcId'))} ${String(ad.get('NumShadowStarts'))}`).sort())
      .toEqual(theirEpochs.trim().split('\n').sort());
    expect(epochs).toHaveLength(3);
  });

  it('query with a projection equals condor_q, and hold / release / remove change JobStatus', async () => {
    const s = await schedd(via);
    // Jobs that outlive the test once released, so a release cannot race them to completion.
    const { clusterId } = await s.submit(description({ hold: 'true', executable: '/bin/sleep', arguments: '300' }), { count: 2 });
    const constraint = `ClusterId == ${clusterId}`;
    const ours = await s.query(constraint, ['ClusterId', 'ProcId', 'JobStatus', 'Owner']);
    expect(ours.map((ad) => ['ClusterId', 'ProcId', 'JobStatus', 'Owner'].map((name) => String(ad.get(name))).join(' ')).sort())
      .toEqual(await condorQ(constraint, 'ClusterId', 'ProcId', 'JobStatus', 'Owner'));
    expect(ours.every((ad) => ad.get('JobStatus') === htcondor.JobStatus.HELD)).toBe(true);

    const released = await s.act(htcondor.JobAction.Release, [`${clusterId}.0`], 'test release');
    expect(released.get('TotalSuccess')).toBe(1);
    expect((await condorQ(`${constraint} && ProcId == 0`, 'JobStatus'))[0]).not.toBe('5');
    const held = await s.act(htcondor.JobAction.Hold, `${constraint} && ProcId == 0`, ['test hold', 42]);
    expect(held.get('TotalSuccess')).toBe(1);
    expect(await condorQ(`${constraint} && ProcId == 0`, 'JobStatus', 'HoldReasonSubCode')).toEqual(['5 42']);
    const removed = await s.act(htcondor.JobAction.Remove, constraint);
    expect(removed.get('TotalSuccess')).toBe(2);
    expect(await condorQ(constraint, 'JobStatus')).toEqual([]);
  });

  it('edit changes attributes by id and by constraint, in one commit; a refused edit changes nothing', async () => {
    const s = await schedd(via);
    const { clusterId } = await s.submit(description({ hold: 'true' }), { count: 2 });
    const constraint = `ClusterId == ${clusterId}`;
    try {
      expect(Number(await s.edit([`${clusterId}.0`], 'Foo', '"bar"'))).toBe(1);
      expect(Number(await s.edit(constraint, { Baz: 5, Qux: '"x"' }))).toBe(2);
      expect(await condorQ(constraint, 'Foo', 'Baz', 'Qux')).toEqual(['bar 5 x', 'undefined 5 x']);
      await expect(s.edit(`${clusterId}.0`, 'ClusterId', '7')).rejects.toThrow(/immutable attribute ClusterId/);
      await expect(s.edit(constraint, 'Foo', 'this is not ( an expression')).rejects.toThrow(HTCondorValueError);
      const unmatched = s.edit(`${constraint} && ProcId == 7`, 'Foo', '1');
      await expect(unmatched).rejects.toThrow(HTCondorIOError);
      await expect(unmatched).rejects.toThrow(/^no job matches the constraint ClusterId == \d+ && ProcId == 7$/);
      await expect(s.query('ClusterId == (')).rejects.toThrow(HTCondorValueError);
      expect(await condorQ(`${constraint} && ProcId == 0`, 'ClusterId')).toEqual([String(clusterId)]);
    } finally {
      await s.act(htcondor.JobAction.Remove, constraint);
    }
  });

  it('a transaction commits once at the end, and one that throws leaves nothing behind', async () => {
    const s = await schedd(via);
    let cluster = 0;
    await s.transaction(0, async () => {
      cluster = (await s.submit(description({ hold: 'true' }))).clusterId;
      await s.edit(`${cluster}.0`, 'InTxn', 'true');
    });
    expect(await condorQ(`ClusterId == ${cluster}`, 'InTxn')).toEqual(['true']);
    await s.act(htcondor.JobAction.Remove, `ClusterId == ${cluster}`);

    let abandoned = 0;
    await expect(s.transaction(0, async () => {
      abandoned = (await s.submit(description({ hold: 'true' }))).clusterId;
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(await condorQ(`ClusterId == ${abandoned}`, 'ProcId')).toEqual([]);

    {
      await using txn = await s.transaction();
      expect(txn.active).toBe(true);
      cluster = (await s.submit(description({ hold: 'true' }))).clusterId;
    }
    expect(await condorQ(`ClusterId == ${cluster}`, 'ProcId')).toEqual(['0']);
    await s.act(htcondor.JobAction.Remove, `ClusterId == ${cluster}`);
  });

  it('late materialization: the schedd job factory makes the procs, max_materialize at a time', async () => {
    const s = await schedd(via);
    const result = await s.submit(description({ hold: 'true', max_materialize: '2', arguments: '$(x)' }), {
      itemdata: [{ x: 'a' }, { x: 'b' }, { x: 'c' }],
    });
    expect(result.numProcs).toBe(3);
    const constraint = `ClusterId == ${result.clusterId}`;
    try {
      let jobs: string[] = [];
      for (let i = 0; i < 60 && jobs.length < 2; i++) {
        jobs = await condorQ(constraint, 'ProcId', 'Args');
        if (jobs.length < 2) await new Promise((r) => setTimeout(r, 500));
      }
      expect(jobs).toEqual(['0 a', '1 b']);
      const [cluster] = await s.query(constraint, ['JobMaterializeLimit', 'JobMaterializeDigestFile'], undefined, -1, htcondor.QueryOpts.ClusterAds);
      expect(cluster!.get('JobMaterializeLimit')).toBe(2);
    } finally {
      await s.act(htcondor.JobAction.Remove, [String(result.clusterId)]);
    }
  });

  it('a description with an error gives HTCondorValueError and no cluster', async () => {
    const s = await schedd(via);
    const marker = `aborted-submit-${Date.now()}`;
    await expect(s.submit(new htcondor.Submit({ executable: '/bin/echo', arguments: marker, universe: 'nonsense' }, { cwd: inside })))
      .rejects.toThrow(/nonsense/);
    expect(await condorQ(`Args == "${marker}"`, 'ClusterId')).toEqual([]);
    expect((await asUser('condor_history', '-constraint', `Args == "${marker}"`, '-af', 'ClusterId')).trim()).toBe('');
  });
});

describe('Schedd queries', () => {
  it('xquery streams, with nextAdsNonBlocking, tag and poll; SummaryOnly gives the summary', async () => {
    const s = await schedd({});
    const { clusterId } = await s.submit(description({ hold: 'true' }), { count: 5 });
    try {
      const a = await s.xquery(`ClusterId == ${clusterId}`, ['ProcId'], -1, htcondor.QueryOpts.Default, 'first');
      const b = await s.xquery(`ClusterId == ${clusterId} && ProcId < 2`, ['ProcId'], -1, htcondor.QueryOpts.Default, 'second');
      const seen: Record<string, number> = {};
      for await (const q of htcondor.poll([a, b])) seen[q.tag()] = (seen[q.tag()] ?? 0) + q.nextAdsNonBlocking().length;
      expect(seen).toEqual({ first: 5, second: 2 });
      expect(a.done() && b.done()).toBe(true);
      const limited = await s.query(`ClusterId == ${clusterId}`, ['ProcId'], undefined, 3);
      expect(limited).toHaveLength(3);
      expect(await s.query(`ClusterId == ${clusterId}`, ['ProcId'], undefined, -1, htcondor.QueryOpts.DefaultMyJobsOnly)).toHaveLength(5);
      const [summary] = await s.query(`ClusterId == ${clusterId}`, [], undefined, -1, htcondor.QueryOpts.SummaryOnly);
      expect(summary!.get('Held')).toBe(5);
      expect(summary!.has('Owner')).toBe(false);
    } finally {
      await s.act(htcondor.JobAction.Remove, `ClusterId == ${clusterId}`);
    }
  });

  it('a long answer streams a chunk at a time: a reader that waits holds at most a couple of chunks', async () => {
    const s = await schedd({});
    const { clusterId } = await s.submit(description({ hold: 'true' }), { count: 5000 });
    try {
      const q = await s.xquery(`ClusterId == ${clusterId}`);
      const first = await q.next();
      expect(first.done).toBe(false);
      // Everything would have arrived by now were the stream not held back for the reader.
      await new Promise((r) => setTimeout(r, 2000));
      const ready = q.nextAdsNonBlocking();
      expect(ready.length).toBeLessThanOrEqual(2 * 1000);
      expect(q.done()).toBe(false);
      let total = 1 + ready.length;
      for await (const ad of q) {
        total++;
        ad.dispose();
      }
      expect(total).toBe(5000);
    } finally {
      await s.act(htcondor.JobAction.Remove, `ClusterId == ${clusterId}`);
    }
  });

  it('submitMany sends the caller\'s ads: the cluster ad, then count procs of each proc ad', async () => {
    const s = await schedd({});
    const clusterAd = new classad.ClassAd({ Cmd: '/bin/true', Iwd: '/tmp', RequestMemory: 16 });
    const held = { JobStatus: 5, HoldReason: 'made by submitMany', HoldReasonCode: 1 };
    const cluster = await s.submitMany(clusterAd, [[new classad.ClassAd({ ...held, Args: 'a' }), 2], [new classad.ClassAd({ ...held, Args: 'b' }), 1]]);
    try {
      expect(await condorQ(`ClusterId == ${cluster}`, 'ProcId', 'Args', 'JobStatus', 'Cmd')).toEqual(['0 a 5 /bin/true', '1 a 5 /bin/true', '2 b 5 /bin/true']);
      expect(clusterAd.has('ClusterId')).toBe(false);
    } finally {
      await s.act(htcondor.JobAction.Remove, `ClusterId == ${cluster}`);
    }
  });

  it('a transaction cannot be opened twice, and one that ended takes no more calls', async () => {
    const s = await schedd({});
    const txn = await s.transaction();
    await expect(s.transaction()).rejects.toThrow(/already has a transaction open/);
    const { clusterId } = await s.submit(description({ hold: 'true' }));
    await txn.abort();
    expect(txn.active).toBe(false);
    await expect(txn.commit()).rejects.toThrow(HTCondorIOError);
    expect(await condorQ(`ClusterId == ${clusterId}`, 'ProcId')).toEqual([]);
    // The Schedd is free for a new one.
    await s.transaction(0, async () => {});
  });

  it('an aborted call rejects and closes its connection', async () => {
    const s = await schedd({});
    const controller = new AbortController();
    controller.abort();
    await expect(s.query('true', [], undefined, -1, 0, { signal: controller.signal })).rejects.toThrow(HTCondorIOError);
  });

  it('export_jobs hands a cluster to Lumberjack, import_exported_job_results and unexport_jobs take it back; a bad export dir is refused', async () => {
    const s = await schedd({});
    const { clusterId } = await s.submit(description({ hold: 'true', executable: '/bin/sleep', arguments: '300' }));
    const constraint = `ClusterId == ${clusterId}`;
    // A new directory each run: cluster ids start again with each fresh pool.
    const exportDir = path.basename(mkdtempSync(path.join(outside, `export-${clusterId}-`)));
    execFileSync(inRoot, ['chown', pool.user, `${inside}/${exportDir}`]);
    try {
      const exported = await s.export_jobs([`${clusterId}.0`], `${inside}/${exportDir}`, `${inside}/spool`);
      expect([exported.get('TotalJobAds'), exported.get('Log')]).toEqual([1, `${inside}/${exportDir}/job_queue.log`]);
      expect(readFileSync(path.join(outside, exportDir, 'job_queue.log'), 'utf8')).toContain(`${clusterId}.0`);
      expect(await condorQ(constraint, 'Managed', 'ManagedManager')).toEqual(['External Lumberjack']);
      // A held job's results are not merged back.
      expect((await s.import_exported_job_results(`${inside}/${exportDir}`)).get('TotalJobAds')).toBe(0);
      expect((await s.unexport_jobs(constraint)).get('TotalJobAds')).toBe(1);
      expect(await condorQ(constraint, 'Managed')).toEqual(['undefined']);
      await expect(s.export_jobs(constraint, `${inside}/no-such-dir`)).rejects.toThrow(/Failed to initialize export job log/);
      expect(await condorQ(constraint, 'Managed')).toEqual(['undefined']);
    } finally {
      await s.act(htcondor.JobAction.Remove, constraint);
    }
  });

  it('another user\'s job: act and edit throw HTCondorIOError and change nothing, for it nor for the caller\'s jobs named with it', async () => {
    // A second user: the root's `daemon` account, with a token the pool's key signs.
    const otherToken = execFileSync(inRoot, ['condor_token_create', '-identity', `daemon@${pool.identity.split('@')[1]}`], { encoding: 'utf8' }).trim();
    const otherSecurity = new htcondor.SecMan();
    otherSecurity.setToken(otherToken);
    const location = await new htcondor.Collector(pool.collector, { security: otherSecurity }).locate(htcondor.DaemonTypes.Schedd);
    const other = new htcondor.Schedd(location, { security: otherSecurity });
    const held = { executable: '/bin/sleep', arguments: '300', hold: 'true', request_memory: '16', request_disk: '1024' };
    const theirs = (await other.submit(new htcondor.Submit(held, { cwd: '/tmp' }))).clusterId;
    const s = await schedd({});
    const mine = (await s.submit(new htcondor.Submit({ ...held, My: '"act-mixed"' }, { cwd: '/tmp' }))).clusterId;
    const both = `ClusterId == ${theirs} || ClusterId == ${mine}`;
    const states = async () => (await asUser('condor_q', '-allusers', '-constraint', both, '-af', 'ClusterId', 'JobStatus', 'Foo')).trim().split('\n').sort();
    const untouched = [`${mine} 5 undefined`, `${theirs} 5 undefined`].sort();
    try {
      for (const spec of [[`${theirs}.0`], [`${mine}.0`, `${theirs}.0`]]) {
        const refused = s.act(htcondor.JobAction.Remove, spec);
        await expect(refused).rejects.toThrow(HTCondorIOError);
        await expect(refused).rejects.toThrow(`Permission denied to remove job ${theirs}.0; nothing was changed`);
      }
      await expect(s.act(htcondor.JobAction.Release, `ClusterId == ${theirs}`)).rejects.toThrow(/Permission denied to release any of the 1 jobs the constraint matches/);
      await expect(s.edit(`${theirs}.0`, 'Foo', '1')).rejects.toThrow(/may not change attributes for jobs they do not own/);
      expect(await states()).toEqual(untouched);
      // A constraint acts on the caller's jobs among those it matches, and counts the others.
      const result = await s.act(htcondor.JobAction.Release, both);
      expect([result.get('TotalSuccess'), result.get('TotalPermissionDenied')]).toEqual([1, 1]);
      const status = Object.fromEntries((await states()).map((line) => line.split(' ').slice(0, 2)));
      expect([status[theirs], ['1', '2'].includes(status[mine]!)]).toEqual(['5', true]);
    } finally {
      await other.act(htcondor.JobAction.Remove, `ClusterId == ${theirs}`);
      await s.act(htcondor.JobAction.Remove, `ClusterId == ${mine}`);
    }
  });

  it('refreshGSIProxy says GSI is gone', async () => {
    const s = await schedd({});
    expect(() => s.refreshGSIProxy()).toThrow(/GSI/);
  });
});
