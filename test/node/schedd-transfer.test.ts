// Schedd spool and retrieve against the real pool, with HTCondor's file-transfer protocol over
// an AES-GCM session: jobs submitted with spool=True by HTCondor's own Python bindings (as the
// test user, in the pool's root) get their inputs from us, run, and we bring their outputs
// back, compared byte for byte with what the job wrote.
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { classad, htcondor, HTCondorIOError } from '../../src/inthread.js';
import { retrieve } from '../../src/htcondor/schedd/retrieve.js';
import { spool } from '../../src/htcondor/schedd/spool.js';

const pool = inject('pool');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');
const asUser = (...args: string[]) => execFileSync(inRoot, ['--user', pool.user, ...args], { encoding: 'utf8' });

const security = new htcondor.SecMan();
security.setToken(readFileSync(pool.tokenFile, 'utf8').trim());
const via = { security, timeout: 60 };

// The job: writes what it was given, so its outputs show that every input arrived intact.
const script = `#!/bin/sh
cat in.txt sub/inner.txt > out.txt
sha256sum big.bin empty.txt > sums.txt
cp big.bin big-copy.bin
echo done
`;

// Submits `count` jobs held for spooling, with HTCondor's Python bindings, from a directory
// of the test user's home (inside the root: Iwd; outside: `dir`) holding `inputs`; returns
// their proc ads.
function submitSpooled(name: string, count: number, inputs: Record<string, string | Uint8Array>): { dir: string; ads: classad.ClassAd[] } {
  const dir = path.join(pool.userHome, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  writeFileSync(path.join(dir, 'job.sh'), script, { mode: 0o755 });
  for (const [file, contents] of Object.entries(inputs)) writeFileSync(path.join(dir, file), contents);
  const python = `
import htcondor
sub = htcondor.Submit({
  "executable": "job.sh", "output": "stdout.txt", "error": "stderr.txt",
  "transfer_input_files": "in.txt, big.bin, empty.txt, sub",
  "should_transfer_files": "YES", "when_to_transfer_output": "ON_EXIT",
})
result = htcondor.Schedd().submit(sub, count=${count}, spool=True)
for ad in sub.jobs(clusterid=result.cluster(), count=${count}):
    print(ad.printOld())
`;
  const text = asUser('sh', '-c', `cd /home/${pool.user}/${name} && python3 -c '${python}'`);
  const ads = classad.parseAds(text, classad.ParserType.Old);
  // The ads name the root's paths; the inputs are read where this process sees them.
  for (const ad of ads) ad.set('Iwd', dir);
  return { dir, ads };
}

function jobStatus(id: string): { status: number; holdCode: number } {
  const [status, holdCode] = asUser('condor_q', id, '-af', 'JobStatus', 'HoldReasonCode').trim().split(/\s+/);
  return { status: Number(status), holdCode: Number(holdCode) };
}

async function waitForCompletion(id: string): Promise<void> {
  for (let tries = 0; tries < 240; tries++) {
    if (jobStatus(id).status === 4) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`job ${id} did not complete`);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let schedd: string;
beforeAll(async () => {
  const collector = new htcondor.Collector(pool.collector, via);
  const located = await collector.locate(htcondor.DaemonTypes.Schedd);
  schedd = String(located.get('MyAddress'));
});

describe('Schedd spool and retrieve', () => {
  const scratch = mkdtempSync(path.join(pool.userHome, '..', 'xfer-out-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("a spooled job's inputs reach it, and retrieve brings its outputs back byte for byte", async () => {
    const big = randomBytes(5 * 1024 * 1024 + 12345);
    const { ads } = submitSpooled('xfer-roundtrip', 1, {
      'in.txt': 'hello from the spool\n',
      'big.bin': big,
      'empty.txt': '',
      'sub/inner.txt': 'inner file\n',
    });
    const id = `${String(ads[0]!.eval('ClusterId'))}.0`;
    expect(jobStatus(id).holdCode).toBe(16);

    // The executable comes from memory (its ad names it by the root's path), the rest from disk.
    const progress = new Map<string, number>();
    await spool(schedd, ads, {
      ...via,
      files: { 'job.sh': new TextEncoder().encode(script) },
      onProgress: (p) => progress.set(p.file, p.bytes),
    });
    expect(progress.get('big.bin')).toBe(big.length);
    await waitForCompletion(id);

    // Into a directory of ours (the job's Iwd is the root's path) ...
    const into = path.join(scratch, 'disk');
    const jobs = await retrieve(schedd, id, { ...via, into });
    expect(jobs.map((j) => j.job)).toEqual([id]);
    expect(jobs[0]!.iwd).toBe(`/home/${pool.user}/xfer-roundtrip`);
    const read = (name: string) => readFileSync(path.join(into, name));
    expect(read('out.txt').toString()).toBe('hello from the spool\ninner file\n');
    expect(read('sums.txt').toString()).toBe(`${sha256(big)}  big.bin\n${sha256(new Uint8Array())}  empty.txt\n`);
    expect(sha256(read('big-copy.bin'))).toBe(sha256(big));
    expect(read('stdout.txt').toString()).toBe('done\n');
    expect(statSync(path.join(into, 'big-copy.bin')).size).toBe(big.length);

    // ... and again, as Blobs in memory.
    const again = await retrieve(schedd, [id], { ...via, memory: true });
    const files = Object.fromEntries(again[0]!.files.map((f) => [f.path, f.data!]));
    expect(sha256(new Uint8Array(await files['big-copy.bin']!.arrayBuffer()))).toBe(sha256(big));
    expect(await files['out.txt']!.text()).toBe('hello from the spool\ninner file\n');
    asUser('condor_rm', id);
  });

  it('names a job that is not there', async () => {
    const error = await retrieve(schedd, '999999.0', via).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect((error as Error).message).toMatch(/no output to retrieve for job 999999\.0/);
  });

  // HTCondor's schedd takes a spool that stops half way as a failed staging and removes the job.
  it('an aborted spool rejects, and the schedd removes the job', async () => {
    const { ads } = submitSpooled('xfer-abort', 1, { 'in.txt': 'x', 'big.bin': 'small on disk', 'empty.txt': '', 'sub/inner.txt': '' });
    const id = `${String(ads[0]!.eval('ClusterId'))}.0`;
    const controller = new AbortController();
    const huge = new Blob([new Uint8Array(64 * 1024 * 1024)]);
    const error = await spool(schedd, ads, {
      ...via,
      files: { 'job.sh': new TextEncoder().encode(script), 'big.bin': huge },
      signal: controller.signal,
      onProgress: (p) => p.file === 'big.bin' && p.bytes > 1024 * 1024 && controller.abort(new Error('stop')),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect((error as Error).message).toBe('the spool was aborted');
    let removed = '';
    for (let tries = 0; tries < 40 && removed === ''; tries++) {
      await new Promise((r) => setTimeout(r, 250));
      removed = asUser('condor_history', id, '-af', 'JobStatus', 'RemoveReason').trim();
    }
    expect(removed).toBe('3 Staging of job files failed');
  });
});
