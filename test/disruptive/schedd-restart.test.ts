// A schedd restarted in the middle of a transaction: the library reports HTCondorIOError, and
// the schedd, back up, holds nothing of the transaction.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { expect, inject, it } from 'vitest';

import { htcondor, HTCondorIOError } from 'htcondor-wasm';

const pool = inject('pool');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');
const run = promisify(execFile);
const security = new htcondor.SecMan();
security.setToken(readFileSync(pool.tokenFile, 'utf8').trim());

/** The schedd as the collector knows it now (a restarted schedd has a new shared-port name). */
async function currentSchedd(): Promise<htcondor.Schedd> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const location = await new htcondor.Collector(pool.collector, { security }).locate(htcondor.DaemonTypes.Schedd);
      const s = new htcondor.Schedd(location, { security, timeout: 10 });
      await s.query('false');
      return s;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

it('fails the transaction with HTCondorIOError and leaves no partial cluster', async () => {
  const s = await currentSchedd();
  const description = new htcondor.Submit({ executable: '/bin/true', hold: 'true', arguments: 'restart-test' }, { cwd: '/tmp' });
  const txn = await s.transaction();
  const { clusterId } = await s.submit(description, { count: 5 });
  // The schedd goes away with the transaction open (its master starts a new one).
  await run(inRoot, ['sh', '-c', 'kill -KILL $(pidof condor_schedd)']);
  await expect(txn.commit()).rejects.toThrow(HTCondorIOError);

  const back = await currentSchedd();
  expect(await back.query(`ClusterId == ${clusterId}`, ['ProcId'])).toEqual([]);
  const { stdout } = await run(inRoot, ['--user', pool.user, 'condor_history', '-constraint', `ClusterId == ${clusterId}`, '-af', 'ProcId']);
  expect(stdout.trim()).toBe('');
  // And it takes new work.
  const again = await back.submit(description, { count: 1 });
  expect(again.clusterId).toBeGreaterThan(0);
  await back.act(htcondor.JobAction.Remove, `ClusterId == ${again.clusterId}`);
});
