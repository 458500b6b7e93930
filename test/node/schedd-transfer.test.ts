// Schedd.spool and Schedd.retrieve against the real pool, with HTCondor's file-transfer protocol
// over AES-GCM sessions: jobs held for spooling get their inputs from us, run, and we bring
// their outputs back, compared byte for byte with what the jobs wrote. Jobs come from HTCondor's
// own Python bindings (submit(spool=True), as the test user in the pool's root) and from our
// Schedd.submit, over direct TCP and through the proxy with every input given in code (as in a
// browser).
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, inject, it } from 'vitest';

import { classad, htcondor, HTCondorIOError } from 'htcondor-wasm';
import { startProxy } from 'htcondor-wasm/proxy';

import { poolAllowRules } from '../helpers/pool-addresses.js';

const pool = inject('pool');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');
const asUser = (...args: string[]) => execFileSync(inRoot, ['--user', pool.user, ...args], { encoding: 'utf8' });

const security = new htcondor.SecMan();
security.setToken(readFileSync(pool.tokenFile, 'utf8').trim());
const proxy = await startProxy({ allow: await poolAllowRules(pool.collector) });
afterAll(() => proxy.close());

async function schedd(via: htcondor.ConnectionOptions = {}): Promise<htcondor.Schedd> {
  const options = { ...via, security, timeout: 60 };
  return new htcondor.Schedd(await new htcondor.Collector(pool.collector, options).locate(htcondor.DaemonTypes.Schedd), options);
}

// The job: writes what it was given, so its outputs show that every input arrived intact.
const script = `#!/bin/sh
cat in.txt sub/inner.txt > out.txt
sha256sum big.bin empty.txt > sums.txt
cp big.bin big-copy.bin
echo done
`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const expectedSums = (big: Uint8Array) => `${sha256(big)}  big.bin\n${sha256(new Uint8Array())}  empty.txt\n`;

// Submits a job held for spooling with HTCondor's Python bindings, from a directory of the test
// user's home holding `inputs` (inside the root: its Iwd; outside: `dir`); returns its proc ad,
// with Iwd where this process sees the files.
function pythonSubmit(name: string, inputs: Record<string, string | Uint8Array>): { id: string; ad: classad.ClassAd } {
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
result = htcondor.Schedd().submit(sub, spool=True)
for ad in sub.jobs(clusterid=result.cluster()):
    print(ad.printOld())
`;
  const [ad] = classad.parseAds(asUser('sh', '-c', `cd /home/${pool.user}/${name} && python3 -c '${python}'`), classad.ParserType.Old);
  ad!.set('Iwd', dir);
  return { id: `${String(ad!.eval('ClusterId'))}.0`, ad: ad! };
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

describe('Schedd spool and retrieve', () => {
  const scratch = mkdtempSync(path.join(pool.userHome, '..', 'xfer-out-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("a spooled job's inputs reach it, and retrieve brings its outputs back byte for byte", async () => {
    const big = randomBytes(5 * 1024 * 1024 + 12345);
    const { id, ad } = pythonSubmit('xfer-roundtrip', { 'in.txt': 'hello from the spool\n', 'big.bin': big, 'empty.txt': '', 'sub/inner.txt': 'inner file\n' });
    expect(jobStatus(id).holdCode).toBe(16);
    const s = await schedd();

    // The executable comes from memory (the ad names it by the root's path), the rest from disk.
    const progress = new Map<string, number>();
    await s.spool([ad], { files: { 'job.sh': new TextEncoder().encode(script) }, onProgress: (p) => progress.set(p.file, p.bytes) });
    expect(progress.get('big.bin')).toBe(big.length);
    await waitForCompletion(id);

    // Into a directory of ours (the job's Iwd is the root's path) ...
    const into = path.join(scratch, 'disk');
    const jobs = await s.retrieve(id, { into });
    expect(jobs.map((j) => [j.job, j.iwd])).toEqual([[id, `/home/${pool.user}/xfer-roundtrip`]]);
    const read = (name: string) => readFileSync(path.join(into, name));
    expect(read('out.txt').toString()).toBe('hello from the spool\ninner file\n');
    expect(read('sums.txt').toString()).toBe(expectedSums(big));
    expect(sha256(read('big-copy.bin'))).toBe(sha256(big));
    expect(statSync(path.join(into, 'big-copy.bin')).size).toBe(big.length);
    expect(read('stdout.txt').toString()).toBe('done\n');

    // ... and again, as Blobs in memory.
    const [again] = await s.retrieve([id], { memory: true });
    const files = Object.fromEntries(again!.files.map((f) => [f.path, f.data!]));
    expect(sha256(new Uint8Array(await files['big-copy.bin']!.arrayBuffer()))).toBe(sha256(big));
    expect(await files['out.txt']!.text()).toBe('hello from the spool\ninner file\n');
    asUser('condor_rm', id);
  });

  it('through the proxy, with our own submit and every input given in code, as a browser does', async () => {
    const s = await schedd({ proxy: proxy.url });
    const inside = `/home/${pool.user}`;
    const sub = new htcondor.Submit({
      executable: '/bin/sh', arguments: 'job.sh', transfer_executable: 'false',
      transfer_input_files: 'job.sh, in.txt, big.bin, empty.txt, inner.txt',
      output: 'stdout.txt', should_transfer_files: 'YES', when_to_transfer_output: 'ON_EXIT',
      request_memory: '16', request_disk: '1024',
    }, { cwd: inside });
    const result = await s.submit(sub, { spool: true });
    const id = `${result.cluster()}.0`;
    const big = new Blob([randomBytes(3 * 1024 * 1024), randomBytes(7)]);
    await s.spool(sub.jobs({ clusterid: result.cluster() }), {
      files: {
        'job.sh': new Blob([script.replace('sub/inner.txt', 'inner.txt')]),
        'in.txt': new TextEncoder().encode('from a Blob\n'),
        'big.bin': big,
        'empty.txt': new Uint8Array(),
        'inner.txt': new Blob(['inner\n']),
      },
    });
    await waitForCompletion(id);
    const [job] = await s.retrieve(id, { memory: true });
    const files = Object.fromEntries(job!.files.map((f) => [f.path, f.data!]));
    const bigBytes = new Uint8Array(await big.arrayBuffer());
    expect(await files['out.txt']!.text()).toBe('from a Blob\ninner\n');
    expect(await files['sums.txt']!.text()).toBe(expectedSums(bigBytes));
    expect(sha256(new Uint8Array(await files['big-copy.bin']!.arrayBuffer()))).toBe(sha256(bigBytes));
    asUser('condor_rm', id);
  });

  // HTCondor's own client (FileTransfer::ExpandParentDirectories) sends each directory of a
  // relative input first, then the file under its path. (The pool's 23.9.6 schedd then rewrites
  // TransferInput to base names and holds the job, whichever client spooled it; 23.10 and later
  // keep the paths: HTCONDOR-2877.)
  it('PreserveRelativePaths: inputs keep their directories in the spool, from code and from disk', async () => {
    const dir = path.join(pool.userHome, 'xfer-preserve');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, 'data', 'deep'), { recursive: true, mode: 0o750 });
    mkdirSync(path.join(dir, 'tree'), { recursive: true });
    writeFileSync(path.join(dir, 'data', 'deep', 'b.txt'), 'B\n');
    writeFileSync(path.join(dir, 'tree', 'x.txt'), 'X\n');
    const s = await schedd();
    const sub = new htcondor.Submit({
      executable: '/bin/sh', arguments: 'job.sh', transfer_executable: 'false',
      transfer_input_files: 'job.sh, data/a.txt, data/deep/b.txt, tree', preserve_relative_paths: 'true',
      should_transfer_files: 'YES', when_to_transfer_output: 'ON_EXIT', request_memory: '16', request_disk: '1024',
    }, { cwd: dir });
    const result = await s.submit(sub, { spool: true });
    const cluster = result.cluster();
    try {
      await s.spool(sub.jobs({ clusterid: cluster }), { files: { 'job.sh': new Blob(['true\n']), 'data/a.txt': new Blob(['A\n']) } });
      const spooled = execFileSync(inRoot, ['sh', '-c', `cd /var/spool/condor/${cluster}/0/cluster${cluster}.proc0.subproc0 && find . -mindepth 1 -printf '%P %y %m\\n' | sort`], { encoding: 'utf8' });
      expect(spooled.trim().split('\n')).toEqual([
        'data d 750', 'data/a.txt f 644', 'data/deep d 750', 'data/deep/b.txt f 644', 'job.sh f 644', 'tree d 755', 'tree/x.txt f 644',
      ]);
    } finally {
      await s.act(htcondor.JobAction.Remove, `ClusterId == ${cluster}`);
    }
  });

  it("a job's X.509 proxy goes with its inputs: the schedd reads it, the job finds it", async () => {
    const dir = path.join(pool.userHome, 'xfer-proxy');
    rmSync(dir, { recursive: true, force: true });
    execFileSync(inRoot, ['--user', pool.user, 'sh', '-c', `mkdir /home/${pool.user}/xfer-proxy && cd /home/${pool.user}/xfer-proxy && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=xfer-proxy -days 2 -keyout k.pem -out c.pem 2>/dev/null && cat c.pem k.pem > proxy.pem`]);
    const s = await schedd();
    const sub = new htcondor.Submit({
      executable: '/bin/sh', arguments: '"-c \'head -1 $X509_USER_PROXY\'"', transfer_executable: 'false', x509userproxy: 'proxy.pem',
      output: 'stdout.txt', should_transfer_files: 'YES', when_to_transfer_output: 'ON_EXIT', request_memory: '16', request_disk: '1024',
    }, { cwd: dir });
    const result = await s.submit(sub, { spool: true });
    const id = `${result.cluster()}.0`;
    await s.spool(sub.jobs({ clusterid: result.cluster() }));
    await waitForCompletion(id);
    expect(asUser('condor_q', id, '-af', 'x509userproxysubject').trim()).toBe('/CN=xfer-proxy');
    const [job] = await s.retrieve(id, { memory: true });
    expect(await job!.files.find((f) => f.path === 'stdout.txt')!.data!.text()).toBe('-----BEGIN CERTIFICATE-----\n');
    asUser('condor_rm', id);
  });

  it('names a job that is not there', async () => {
    const error = await (await schedd()).retrieve('999999.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect((error as Error).message).toMatch(/no output to retrieve for job 999999\.0/);
  });

  // HTCondor's schedd takes a spool that stops half way as a failed staging and removes the job.
  it('an aborted spool rejects, and the schedd removes the job', async () => {
    const { id, ad } = pythonSubmit('xfer-abort', { 'in.txt': 'x', 'big.bin': 'small on disk', 'empty.txt': '', 'sub/inner.txt': '' });
    const controller = new AbortController();
    const error = await (await schedd()).spool([ad], {
      files: { 'job.sh': new TextEncoder().encode(script), 'big.bin': new Blob([new Uint8Array(64 * 1024 * 1024)]) },
      signal: controller.signal,
      onProgress: (p) => p.file === 'big.bin' && p.bytes > 1024 * 1024 && controller.abort(new Error('stop')),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect((error as Error).message).toBe('the call was aborted');
    let removed = '';
    for (let tries = 0; tries < 40 && removed === ''; tries++) {
      await new Promise((r) => setTimeout(r, 250));
      removed = asUser('condor_history', id, '-af', 'JobStatus', 'RemoveReason').trim();
    }
    expect(removed).toBe('3 Staging of job files failed');
  });
});
