// The schedd under load: a 100,000-job queue read by a streaming query holds the reader's
// memory to a chunk, and a submission past MAX_JOBS_PER_SUBMISSION is refused as
// condor_submit words it. Run with the daemon-restart tests, alone: 100,000 jobs take the
// schedd's whole attention, which the main suite's timeouts do not allow for.
import { readFileSync } from 'node:fs';

import { afterAll, expect, inject, it } from 'vitest';

import { classad, htcondor, HTCondorIOError } from 'htcondor-wasm';

const pool = inject('pool');
const security = new htcondor.SecMan();
security.setToken(readFileSync(pool.tokenFile, 'utf8').trim());
const location = await new htcondor.Collector(pool.collector, { security }).locate(htcondor.DaemonTypes.Schedd);
const schedd = new htcondor.Schedd(location, { security, timeout: 300 });
const held = (mark: string) => new htcondor.Submit(
  { executable: '/bin/true', hold: 'true', request_memory: '16', request_disk: '1024', '+LoadTest': `"${mark}"` }, { cwd: '/tmp' });

/** Removes what matches and waits until the schedd let it go. */
async function removeAll(constraint: string): Promise<void> {
  await schedd.act(htcondor.JobAction.Remove, constraint);
  for (let i = 0; i < 240; i++) {
    if ((await schedd.query(constraint, ['ProcId'], undefined, 1)).length === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`jobs matching ${constraint} did not leave the queue`);
}

const LOAD = 'LoadTest =!= undefined';
afterAll(() => removeAll(LOAD), 180_000);

it('streams a 100,000-job query with memory bounded by a chunk, not by the queue', async () => {
  // MAX_JOBS_PER_SUBMISSION (20,000 by default) caps one submission: five clusters.
  for (let i = 0; i < 5; i++) {
    await schedd.submit(held('streamed'), { count: 20_000 });
  }
  const memory = () => ({ engine: classad.engineMemoryBytes(), rss: process.memoryUsage().rss });
  let count = 0;
  let procSum = 0;
  let afterFirstChunk = memory();
  let peak = afterFirstChunk;
  for await (const ad of await schedd.xquery('LoadTest == "streamed"')) {
    count++;
    procSum += ad.get('ProcId') as number;
    ad.dispose();
    if (count === 2000) afterFirstChunk = memory();
    if (count % 5000 === 0) {
      const now = memory();
      peak = { engine: Math.max(peak.engine, now.engine), rss: Math.max(peak.rss, now.rss) };
    }
  }
  expect(count).toBe(100_000);
  expect(procSum).toBe(5 * ((20_000 * 19_999) / 2));
  // Whole job ads take some 12 KB each in the engine: held all at once they would need over
  // a gigabyte. Read as they stream, the engine keeps what it had after the first chunks.
  expect(peak.engine - afterFirstChunk.engine).toBeLessThanOrEqual(16 << 20);
  expect(peak.rss - afterFirstChunk.rss).toBeLessThan(256 << 20);
}, 300_000);

it('a submission past MAX_JOBS_PER_SUBMISSION is refused in condor_submit\'s words and leaves no job', async () => {
  const refused = schedd.submit(held('over the limit'), { count: 20_001 });
  await expect(refused).rejects.toThrow(HTCondorIOError);
  await expect(refused).rejects.toThrow(/^creating a job failed: Number of submitted jobs would exceed MAX_JOBS_PER_SUBMISSION$/);
  expect(await schedd.query('LoadTest == "over the limit"', ['ProcId'])).toEqual([]);
}, 120_000);
