// A collector restarted between two queries forgets the session the library resumes: a query
// resumes without the resume response (a round trip less), the collector closes unanswered, and
// the library asks again on a new session. The caller sees only the answer.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { expect, inject, it } from 'vitest';

import { htcondor } from 'htcondor-wasm';

const pool = inject('pool');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');
const run = promisify(execFile);
const security = new htcondor.SecMan();
security.setToken(readFileSync(pool.tokenFile, 'utf8').trim());
const collector = new htcondor.Collector(pool.collector, { security });

const until = async (what: string, ready: () => Promise<unknown>) => {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      return await ready();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what} within 120 s`, { cause: error });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
};
const invalidSessionLines = async () =>
  (await run(inRoot, ['sh', '-c', 'grep -c "attempt to open invalid session" /var/log/condor/CollectorLog || true'])).stdout.trim();

it('a query after the collector restarted gets its answer on a new session', async () => {
  const names = async () => (await collector.query(htcondor.AdTypes.Any, 'true', ['Name'])).map((ad) => ad.get('Name'));
  expect(await names()).not.toEqual([]);
  await names(); // the session is cached and resumed
  const before = Number(await invalidSessionLines());

  await run(inRoot, ['sh', '-c', 'kill -KILL $(pidof condor_collector)']);
  // Back when HTCondor's own tool gets an answer (the master restarts it after a few seconds).
  await until('the collector back', () => run(inRoot, ['condor_status', '-collector', '-af', 'Name']));
  await expect(names()).resolves.toBeInstanceOf(Array);
  // The collector saw the old session, refused it, and the same call went on.
  expect(Number(await invalidSessionLines())).toBe(before + 1);

  // The daemons advertise again at once, for the test files that follow.
  await run(inRoot, ['condor_reconfig']);
  await until('the schedd advertised again', () => collector.locate(htcondor.DaemonTypes.Schedd));
});
