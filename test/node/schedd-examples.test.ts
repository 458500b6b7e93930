// The Python bindings' well-known examples, written in TypeScript against this library and run
// against the test pool: the CERN batch guide's submit-then-query flow with spooling, and waiting
// for a job through its event log (and the variant with a deadline).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { classad, htcondor } from 'htcondor-wasm';

import { waitForJob } from '../helpers/wait-for-job.js';

const pool = inject('pool');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');
const security = new htcondor.SecMan();
security.setToken(readFileSync(pool.tokenFile, 'utf8').trim());

const jobsDir = 'schedd-examples';
const inside = `/home/${pool.user}/${jobsDir}`;
const outside = path.join(pool.userHome, jobsDir);
mkdirSync(outside, { recursive: true });
execFileSync(inRoot, ['chown', '-R', pool.user, inside]);

async function schedd(): Promise<htcondor.Schedd> {
  const location = await new htcondor.Collector(pool.collector, { security }).locate(htcondor.DaemonTypes.Schedd);
  return new htcondor.Schedd(location, { security });
}

describe('the wait-for-job example', () => {
  it('submits, then follows the job event log to JOB_TERMINATED', async () => {
    const s = await schedd();
    const log = `job-${Date.now()}.log`;
    const { clusterId } = await s.submit(new htcondor.Submit({
      executable: '/bin/sh',
      arguments: '"-c \'exit 3\'"',
      log,
      request_memory: '16',
      request_disk: '1024',
    }, { cwd: inside }));
    const { seen, returnValue } = await waitForJob(path.join(outside, log), clusterId);
    expect(seen[0]).toBe(htcondor.JobEventType.SUBMIT);
    expect(seen).toContain(htcondor.JobEventType.EXECUTE);
    expect(returnValue).toBe(3);
  });

  it('with a deadline: stops following when it passes, and the job is then removed', async () => {
    const s = await schedd();
    const log = `deadline-${Date.now()}.log`;
    const { clusterId } = await s.submit(new htcondor.Submit({ executable: '/bin/sleep', arguments: '600', log, request_memory: '16', request_disk: '1024' }, { cwd: inside }));
    const deadline = Date.now() + 4000;
    let terminated = false;
    const types: htcondor.JobEventType[] = [];
    for await (const event of new htcondor.JobEventLog(path.join(outside, log)).events(Math.max(0, (deadline - Date.now()) / 1000))) {
      types.push(event.type);
      if (event.cluster === clusterId && event.type === htcondor.JobEventType.JOB_TERMINATED) terminated = true;
    }
    expect(terminated).toBe(false);
    expect(types[0]).toBe(htcondor.JobEventType.SUBMIT);
    expect(Date.now()).toBeGreaterThanOrEqual(deadline - 100);
    const removed = await s.act(htcondor.JobAction.Remove, `ClusterId == ${clusterId}`, 'deadline passed');
    expect(removed.get('TotalSuccess')).toBe(1);
  });
});

describe("the CERN batch guide's flow", () => {
  it('submits with spool, spools the inputs, queries until done, retrieves the output', async () => {
    const s = await schedd();
    const dir = path.join(outside, `cern-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'input.txt'), 'hello from the CERN example\n');
    const sub = new htcondor.Submit({
      executable: '/bin/cat',
      arguments: 'input.txt',
      transfer_executable: 'false',
      transfer_input_files: 'input.txt',
      should_transfer_files: 'YES',
      when_to_transfer_output: 'ON_EXIT',
      output: 'out.txt',
      error: 'err.txt',
      request_memory: '16',
      request_disk: '1024',
    }, { cwd: dir });
    const result = await s.submit(sub, { spool: true });
    // The jobs wait, held, for their inputs.
    const [held] = await s.query(`ClusterId == ${result.clusterId}`, ['JobStatus', 'HoldReasonCode']);
    expect([held!.get('JobStatus'), held!.get('HoldReasonCode')]).toEqual([htcondor.JobStatus.HELD, 16]);
    await s.spool(sub.jobs({ clusterid: result.clusterId }));
    let status: unknown;
    for (let i = 0; i < 120 && status !== htcondor.JobStatus.COMPLETED; i++) {
      const [ad] = await s.query(`ClusterId == ${result.clusterId}`, ['JobStatus']);
      status = ad?.get('JobStatus');
      if (status !== htcondor.JobStatus.COMPLETED) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(status).toBe(htcondor.JobStatus.COMPLETED);
    await s.retrieve(`ClusterId == ${result.clusterId}`);
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).toBe('hello from the CERN example\n');
    await s.act(htcondor.JobAction.Remove, `ClusterId == ${result.clusterId}`);
  });
});
