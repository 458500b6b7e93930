// Headless Chromium: the browser bundle runs the WASM core in a Web Worker behind Comlink, and
// a page reaches the real collector through the proxy, with HTCondor's security end to end.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { startProxy, type RunningProxy } from 'htcondor-wasm/proxy';

import { launchChromium } from '../helpers/chromium.js';
import { authenticateOpening, firstAd } from '../helpers/cedar-probe.js';
import { condorStatusLong, settled, sortedByKey } from '../helpers/condor-status.js';
import { poolAllowRules } from '../helpers/pool-addresses.js';
import { serveDist, type StaticServer } from '../helpers/static-server.js';

const pool = inject('pool');
const distDir = path.resolve(import.meta.dirname, '../../dist');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');

describe('in headless Chromium', () => {
  let server: StaticServer;
  // A job event log the page reads by URL while the test makes it grow.
  let servedLog = '';
  let proxy: RunningProxy;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await serveDist(distDir, { '/job.log': () => Buffer.from(servedLog) });
    proxy = await startProxy({ allow: await poolAllowRules(pool.collector) });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });

  // Page code that imports modules goes in as source text: the test runner would rewrite an
  // import() inside a function passed to evaluate().
  const inPage = <T>(body: string): Promise<T> => page.evaluate(`(async () => {${body}\n})()`) as Promise<T>;

  it('answers version() and platform() from the core in a Web Worker', async () => {
    const answer = await inPage<{ version: string; platform: string }>(`
      const { htcondor } = await import('/browser/index.js');
      return { version: await htcondor.version(), platform: await htcondor.platform() };`);
    expect(answer.version).toMatch(/^\$CondorVersion: 23\.9\.6 \S+ BuildID: htcondor-wasm-\S+ \$$/);
    expect(answer.platform).toBe('$CondorPlatform: WASM32-WebAssembly $');
    // It really was a worker: the page started one from the bundle's worker.js.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.some((name) => name.endsWith('/browser/worker.js'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('answers the same with the in-thread entry', async () => {
    const versions = await inPage<string[]>(`
      const inWorker = await import('/browser/index.js');
      const inThread = await import('/browser/inthread.js');
      return [await inWorker.htcondor.version(), await inThread.htcondor.version()];`);
    expect(versions[1]).toBe(versions[0]);
  });

  it('evaluates ClassAds synchronously on the page', async () => {
    const answer = await inPage<unknown[]>(`
      const { classad } = await import('/browser/index.js');
      const job = new classad.ClassAd('[ RequestMemory = 2048; Requirements = TARGET.Memory >= RequestMemory ]');
      const slot = new classad.ClassAd({ Memory: 4096, Requirements: true });
      return [job.matches(slot), job.eval('requestmemory'), new classad.ExprTree('9223372036854775807').eval().toString()];`);
    expect(answer).toEqual([true, 2048, '9223372036854775807']);
  });

  // One stream over the page's own WebSocket, in the proxy's protocol (proxy/mux-protocol.ts),
  // written out here by hand: what came back until the first CEDAR message or the stream's CLOSE.
  const streamInPage = (target: string, bytes: number[]) =>
    page.evaluate(
      ([url, target, bytes]) =>
        new Promise<{ data: number[]; close?: { code: number; reason: string } }>((resolve, reject) => {
          const frame = (type: number, id: number, body: Uint8Array) => {
            const out = new Uint8Array(9 + body.length);
            const view = new DataView(out.buffer);
            view.setUint8(0, type);
            view.setUint32(1, id);
            view.setUint32(5, body.length);
            out.set(body, 9);
            return out;
          };
          const ws = new WebSocket(url, ['htcondor-wasm']);
          ws.binaryType = 'arraybuffer';
          const data: number[] = [];
          ws.onmessage = (event) => {
            const message = new Uint8Array(event.data as ArrayBuffer);
            const view = new DataView(message.buffer);
            for (let at = 0; at < message.length; at += 9 + view.getUint32(at + 5)) {
              const [type, length] = [view.getUint8(at), view.getUint32(at + 5)];
              const body = message.subarray(at + 9, at + 9 + length);
              if (type === 1) {
                const opening = new Uint8Array([...frame(2, 1, new TextEncoder().encode(target)), ...(bytes.length ? frame(4, 1, new Uint8Array(bytes)) : [])]);
                ws.send(opening);
              } else if (type === 4) {
                data.push(...body);
                if (data.length >= 5 && data.length >= 5 + new DataView(new Uint8Array(data).buffer).getUint32(1)) {
                  ws.close();
                  resolve({ data });
                }
              } else if (type === 6) {
                ws.close();
                resolve({ data, close: { code: new DataView(body.buffer, body.byteOffset).getUint16(0), reason: new TextDecoder().decode(body.subarray(2)) } });
              }
            }
          };
          ws.onerror = () => reject(new Error('WebSocket failed'));
        }),
      [proxy.url, target, bytes] as const,
    );

  it('reaches the collector through the proxy over a stream of its WebSocket', async () => {
    const { data } = await streamInPage(pool.collector, [...authenticateOpening()]);
    expect(firstAd(Buffer.from(data))).toContain('Enact = "YES"');
  });

  it('queries the real collector through the proxy with Collector', async () => {
    const names = await inPage<string[]>(`
      const { htcondor } = await import('/browser/index.js');
      const collector = new htcondor.Collector('${pool.collector}', { proxy: '${proxy.url}' });
      const ads = await collector.query(htcondor.AdTypes.Any, 'true', ['MyType']);
      return ads.map((ad) => String(ad.get('MyType'))).sort();`);
    expect(names).toEqual(expect.arrayContaining(['Collector', 'DaemonMaster', 'Machine', 'Negotiator', 'Scheduler']));
  });

  it('authenticates with a token given in code: SecMan.ping through the proxy reports an AES-GCM session', async () => {
    const token = readFileSync(pool.tokenFile, 'utf8').trim();
    const session = await inPage<Record<string, unknown>>(`
      const { htcondor } = await import('/browser/index.js');
      const security = new htcondor.SecMan({ proxy: '${proxy.url}' });
      security.setToken(${JSON.stringify(token)});
      const ad = await security.ping('${pool.collector}', 'READ');
      const [collector] = await new htcondor.Collector('${pool.collector}', { proxy: '${proxy.url}', security })
        .query(htcondor.AdTypes.Collector, 'true', ['MyType']);
      return Object.fromEntries(['MyRemoteUserName', 'AuthMethods', 'Encryption', 'CryptoMethods', 'AuthorizationSucceeded']
        .map((name) => [name, ad.get(name)]).concat([['queried', collector.get('MyType')]]));`);
    expect(session).toEqual({
      MyRemoteUserName: pool.identity,
      AuthMethods: 'TOKEN',
      Encryption: 'YES',
      CryptoMethods: 'AES',
      AuthorizationSucceeded: true,
      queried: 'Collector',
    });
  });

  it('does what Node does, through the proxy: every ad type as condor_status -l, the schedd through the shared port, advertise, a token request', async () => {
    const token = readFileSync(pool.tokenFile, 'utf8').trim();
    const adminToken = execFileSync(inRoot, ['condor_token_create', '-identity', `condor@${pool.identity.split('@')[1]}`], { encoding: 'utf8' }).trim();
    const name = `htcondor-wasm-browser-${process.pid}`;
    const everyAd = () => inPage<{ key: string; names: string[] }[]>(`
      const { htcondor } = await import('/browser/index.js');
      const security = new htcondor.SecMan({ proxy: '${proxy.url}' });
      security.setToken(${JSON.stringify(token)});
      const collector = new htcondor.Collector('${pool.collector}', { proxy: '${proxy.url}', security });
      return (await collector.query(htcondor.AdTypes.Any)).map((ad) => ({ key: ad.get('MyType') + '|' + (ad.get('Name') ?? ''), names: ad.keys().sort() }));`);
    const [any, theirs] = await settled(async () => [sortedByKey(await everyAd()), condorStatusLong(pool.user, '-any')]);
    expect(any).toEqual(theirs);
    const answer = await inPage<{ schedd: unknown; direct: unknown; advertised: unknown[]; gone: number; tokenUser: unknown }>(`
      const { classad, htcondor } = await import('/browser/index.js');
      const proxy = '${proxy.url}';
      const secman = (token) => { const s = new htcondor.SecMan({ proxy }); s.setToken(token); return s; };
      const user = secman(${JSON.stringify(token)}), admin = secman(${JSON.stringify(adminToken)});
      const collector = new htcondor.Collector('${pool.collector}', { proxy, security: user });
      const schedd = await collector.locate(htcondor.DaemonTypes.Schedd);
      const direct = await collector.directQuery(htcondor.DaemonTypes.Schedd);
      const writer = new htcondor.Collector('${pool.collector}', { proxy, security: admin });
      await writer.advertise([new classad.ClassAd({ MyType: 'Generic', Name: '${name}', Answer: 42 })]);
      // An update has no reply: the collector may take it in after a query on another connection.
      const answers = async (want) => {
        for (let i = 0; ; i++) {
          const got = (await collector.query(htcondor.AdTypes.Generic, 'Name == "${name}"', ['Answer'])).map((ad) => ad.get('Answer'));
          if (got.length === want || i === 50) return got;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      };
      const advertised = await answers(1);
      const invalidation = new classad.ClassAd({ MyType: 'Query', TargetType: 'Generic' });
      invalidation.set('Requirements', new classad.ExprTree('Name == "${name}"'));
      await writer.advertise([invalidation], 'INVALIDATE_ADS_GENERIC');
      const gone = (await answers(0)).length;
      const request = new htcondor.TokenRequest('${pool.identity}', ['READ'], 600, { proxy, security: user });
      await request.submit('${pool.collector}');
      await htcondor.TokenRequest.approve(request.requestId, '${pool.collector}', { proxy, security: admin });
      const issued = await request.result(30);
      const tokenUser = (await secman(issued.contents).ping('${pool.collector}', 'READ')).get('MyRemoteUserName');
      return { schedd: schedd.get('Name'), direct: direct.get('MyType'), advertised, gone, tokenUser };`);
    expect(answer.schedd).toBe(execFileSync(inRoot, ['--user', pool.user, 'condor_status', '-schedd', '-af', 'Name'], { encoding: 'utf8' }).trim());
    expect(answer.direct).toBe('Scheduler');
    expect(answer.advertised).toEqual([42]);
    expect(answer.gone).toBe(0);
    expect(answer.tokenUser).toBe(pool.identity);
  });

  it('reads job event logs in the page: from a Blob, and from a URL that grows while it is followed', async () => {
    const submit = '000 (7.000.000) 2026-11-21 06:20:04 Job submitted from host: <127.0.0.1:9618?sock=schedd>\n...\n';
    const imageSize = '006 (7.000.000) 2026-11-21 06:20:09 Image size of job updated: 23820\n\t5  -  MemoryUsage of job (MB)\n...\n';
    servedLog = submit + imageSize.slice(0, 20);
    const first = await inPage<{ blob: unknown[]; url: number[] }>(`
      const { htcondor } = await import('/browser/index.js');
      const read = async (events) => { const out = []; for await (const e of events) out.push(e.type); return out; };
      const blob = new Blob([${JSON.stringify(submit + imageSize)}]);
      const fromBlob = [];
      for await (const e of new htcondor.JobEventLog(blob).events(0)) fromBlob.push([e.type, e.get('Size') ?? null, String(e).split(' ')[0]]);
      globalThis.followed = new htcondor.JobEventLog(new URL('/job.log', location.href));
      return { blob: fromBlob, url: await read(globalThis.followed.events(0)) };`);
    expect(first).toEqual({ blob: [[0, null, '000'], [6, 23820, '006']], url: [0] });
    servedLog = submit + imageSize;
    const more = await inPage<number[]>(`
      const out = [];
      for await (const e of globalThis.followed.events(10)) { out.push(e.type); if (e.type === 6) break; }
      return out;`);
    expect(more).toEqual([6]);
  });

  it('makes job ads in the page from a description whose include and item files are given as a map', async () => {
    const answer = await inPage<{ jobs: string[]; error: { name: string; message: string } }>(`
      const { htcondor } = await import('/browser/index.js');
      const files = { 'part.inc': 'executable = /bin/echo\\n', 'items.txt': 'a\\nb\\n' };
      const options = { cwd: '/jobs', files, user: 'web', config: { UID_DOMAIN: 'example.org', FILESYSTEM_DOMAIN: 'example.org' } };
      const sub = new htcondor.Submit('include : part.inc\\narguments = $(x)\\nqueue x from items.txt\\n', options);
      const jobs = [];
      for await (const ad of sub.jobs({ qdate: 1 })) jobs.push(ad.get('Cmd') + ' ' + ad.get('Args') + ' ' + ad.get('Iwd'));
      let error;
      try { new htcondor.Submit('include : missing.inc\\nqueue\\n', options); } catch (e) { error = { name: e.name, message: e.message }; }
      return { jobs, error };`);
    expect(answer.jobs).toEqual(['/bin/echo a /jobs', '/bin/echo b /jobs']);
    expect(answer.error.name).toBe('HTCondorValueError');
  });

  // Page code: `htcondor` and `schedd`, the pool's schedd through the proxy with the test user's token.
  const scheddInPage = () => `
      const { htcondor } = await import('/browser/index.js');
      const security = new htcondor.SecMan({ proxy: '${proxy.url}' });
      security.setToken(${JSON.stringify(readFileSync(pool.tokenFile, 'utf8').trim())});
      const via = { proxy: '${proxy.url}', security };
      const schedd = new htcondor.Schedd(await new htcondor.Collector('${pool.collector}', via).locate(htcondor.DaemonTypes.Schedd), via);`;

  it('submits a 3-proc cluster through the proxy, follows it to completion, and reads it back from query and history', async () => {
    const answer = await inPage<{ cluster: number; procs: number; held: number[]; statuses: number[]; history: number[]; edited: string }>(`
      ${scheddInPage()}
      const options = { cwd: '/tmp', user: 'web', config: { UID_DOMAIN: 'vm', FILESYSTEM_DOMAIN: 'vm' } };
      const sub = new htcondor.Submit({ executable: '/bin/true', arguments: '$(Process)', hold: 'true', request_memory: '16', request_disk: '1024', should_transfer_files: 'YES' }, options);
      const result = await schedd.submit(sub, { count: 3 });
      const c = 'ClusterId == ' + result.clusterId;
      const held = (await schedd.query(c, ['ProcId', 'JobStatus'])).map((ad) => ad.get('JobStatus'));
      await schedd.edit(c, 'BrowserEdit', '"yes"');
      const [edited] = await schedd.query(c + ' && ProcId == 0', ['BrowserEdit']);
      await schedd.act(htcondor.JobAction.Release, c);
      let statuses = [];
      for (let i = 0; i < 120; i++) {
        statuses = (await schedd.query(c, ['JobStatus'])).map((ad) => ad.get('JobStatus'));
        if (statuses.length === 0) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const history = [];
      for (let i = 0; i < 20 && history.length < 3; i++) {
        history.length = 0;
        for await (const ad of await schedd.history(c, ['ProcId', 'ExitCode'])) history.push(ad.get('ExitCode'));
        if (history.length < 3) await new Promise((r) => setTimeout(r, 500));
      }
      return { cluster: result.clusterId, procs: result.numProcs, held, statuses, history, edited: edited.get('BrowserEdit') };`);
    expect(answer.procs).toBe(3);
    expect(answer.held).toEqual([5, 5, 5]);
    expect(answer.edited).toBe('yes');
    expect(answer.statuses).toEqual([]);
    expect(answer.history).toEqual([0, 0, 0]);
    expect(execFileSync(inRoot, ['--user', pool.user, 'condor_history', '-constraint', `ClusterId == ${answer.cluster}`, '-af', 'ExitCode'], { encoding: 'utf8' }).trim().split('\n'))
      .toEqual(['0', '0', '0']);
  });

  it('spools a job\'s inputs from the page and retrieves its output as a Blob, through the proxy', async () => {
    const answer = await inPage<{ output: string; status: number }>(`
      ${scheddInPage()}
      const options = { cwd: '/web/job', user: 'web', config: { UID_DOMAIN: 'vm', FILESYSTEM_DOMAIN: 'vm' } };
      const sub = new htcondor.Submit({ executable: '/bin/cat', arguments: 'input.txt', transfer_executable: 'false',
        transfer_input_files: 'input.txt', should_transfer_files: 'YES', when_to_transfer_output: 'ON_EXIT',
        output: 'out.txt', request_memory: '16', request_disk: '1024' }, options);
      const result = await schedd.submit(sub, { spool: true });
      await schedd.spool(sub.jobs({ clusterid: result.clusterId }), { files: { 'input.txt': new Blob(['typed in a browser\\n']) } });
      let status = 0;
      for (let i = 0; i < 120 && status !== 4; i++) {
        const [ad] = await schedd.query('ClusterId == ' + result.clusterId, ['JobStatus']);
        status = ad ? ad.get('JobStatus') : 0;
        if (status !== 4) await new Promise((r) => setTimeout(r, 1000));
      }
      const [job] = await schedd.retrieve('ClusterId == ' + result.clusterId, { memory: true });
      const file = job.files.find((f) => f.path.endsWith('out.txt'));
      await schedd.act(htcondor.JobAction.Remove, 'ClusterId == ' + result.clusterId);
      return { status, output: file ? await file.data.text() : '' };`);
    expect(answer.status).toBe(4);
    expect(answer.output).toBe('typed in a browser\n');
  });

  it('reports a target the proxy refuses as HTCondorIOError with the reason', async () => {
    const error = await inPage<{ name: string; message: string }>(`
      const { htcondor } = await import('/browser/index.js');
      try {
        await new htcondor.Collector('${pool.host}:22', { proxy: '${proxy.url}' }).query();
        return { name: 'none', message: '' };
      } catch (e) {
        return { name: e.name, message: e.message };
      }`);
    expect(error.name).toBe('HTCondorIOError');
    expect(error.message).toContain(`cannot connect to ${pool.host}:22 through the proxy: target ${pool.host}:22 is not allowed by this proxy`);
  });

  it('sees the reason when the proxy refuses a target', async () => {
    const { close } = await streamInPage(`${pool.host}:22`, []);
    expect(close).toEqual({ code: 1008, reason: `target ${pool.host}:22 is not allowed by this proxy` });
  });

  it('runs under a Content-Security-Policy that allows no eval, as extensions and strict sites set', async () => {
    // WebAssembly itself needs 'wasm-unsafe-eval'; nothing of the library may need more.
    const strict = await serveDist(distDir, {}, "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self' " + proxy.url);
    const strictPage = await browser.newPage();
    const violations: string[] = [];
    strictPage.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
    try {
      await strictPage.goto(strict.url);
      const answer = await strictPage.evaluate(`(async () => {
        const { htcondor, classad } = await import('/browser/index.js');
        const inThread = await import('/browser/inthread.js');
        const ads = await new htcondor.Collector('${pool.collector}', { proxy: '${proxy.url}' }).query(htcondor.AdTypes.Collector, 'true', ['Name']);
        return [new classad.ClassAd('[A = 2; B = A * 3]').eval('B'), await inThread.htcondor.version() === await htcondor.version(), ads.length];
      })()`);
      expect(answer).toEqual([6, true, 1]);
      expect(violations).toEqual([]);
    } finally {
      await strictPage.close();
      await strict.close();
    }
  });
});
