// JobEventLog's sources and its behaviour on logs that are cut, garbled, huge or resumed, with
// no pool: paths, bytes, Blobs, streams and URLs; the JobEvent dict API; and the errors.
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { htcondor, HTCondorInternalError, HTCondorIOError, HTCondorValueError } from 'htcondor-wasm';

import { listenForBrowsers } from '../../build/ts/proxy/listen.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'htcondor-wasm-eventlog-'));
const submit = (cluster: number) => `000 (${cluster}.000.000) 2026-11-21 06:20:04 Job submitted from host: <127.0.0.1:9618?sock=schedd>\n...\n`;
const terminated = (cluster: number, code: number) =>
  `005 (${cluster}.000.000) 2026-11-21 06:20:09 Job terminated.\n\t(1) Normal termination (return value ${code})\n` +
  '\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Remote Usage\n\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Local Usage\n' +
  '\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Remote Usage\n\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Local Usage\n' +
  '\t0  -  Run Bytes Sent By Job\n\t0  -  Run Bytes Received By Job\n\t0  -  Total Bytes Sent By Job\n\t0  -  Total Bytes Received By Job\n' +
  `\n\tJob terminated of its own accord at 2026-11-21T06:20:09Z with exit-code ${code}.\n...\n`;

async function read(log: htcondor.JobEventLog, stopAfter: number | null = 0, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  for await (const e of log.events(stopAfter, signal ? { signal } : {})) out.push(`${e.type}:${e.cluster}`);
  return out;
}

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('JobEventLog sources', () => {
  const text = submit(1) + terminated(1, 3);
  const expected = ['0:1', '5:1'];

  it('reads a path, bytes, an ArrayBuffer, a Blob, a ReadableStream and an async iterable alike', async () => {
    const bytes = new TextEncoder().encode(text);
    expect(await read(new htcondor.JobEventLog(file('plain.log', text)))).toEqual(expected);
    expect(await read(new htcondor.JobEventLog(bytes))).toEqual(expected);
    expect(await read(new htcondor.JobEventLog(bytes.buffer))).toEqual(expected);
    expect(await read(new htcondor.JobEventLog(new Blob([bytes])))).toEqual(expected);
    expect(await read(new htcondor.JobEventLog(new Blob([bytes]).stream()))).toEqual(expected);
    async function* pieces() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    expect(await read(new htcondor.JobEventLog(pieces()))).toEqual(expected);
  });

  it('reads a URL with Range requests, and follows it as it grows', async () => {
    let served = submit(2) + terminated(2, 0).slice(0, 40);
    const ranges: string[] = [];
    const server = http.createServer((req, res) => {
      ranges.push(req.headers.range ?? '');
      const body = Buffer.from(served);
      const from = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
      if (from >= body.length) return void res.writeHead(416).end();
      res.writeHead(206).end(body.subarray(from));
    });
    // Not on a port fetch() refuses ("bad port"), which an ephemeral port can be.
    const port = await listenForBrowsers(server, 0, '127.0.0.1');
    try {
      const log = new htcondor.JobEventLog(`http://127.0.0.1:${port}/job.log`);
      expect(await read(log)).toEqual(['0:2']);
      setTimeout(() => (served = submit(2) + terminated(2, 0)), 200);
      const later: string[] = [];
      for await (const e of log.events(10)) {
        later.push(`${e.type}:${e.cluster}`);
        if (e.type === htcondor.JobEventType.JOB_TERMINATED) break;
      }
      expect(later).toEqual(['5:2']);
      expect(ranges[0]).toBe('bytes=0-');
      expect(ranges.at(-1)).toMatch(/^bytes=[1-9]\d*-$/);
    } finally {
      server.close();
    }
  });

  it('resumes at a saved offset, in a new JobEventLog', async () => {
    const p = file('resume.log', submit(3));
    const first = new htcondor.JobEventLog(p);
    expect(await read(first)).toEqual(['0:3']);
    const offset = first.offset;
    expect(offset).toBe(submit(3).length);
    await first.close();
    appendFileSync(p, terminated(3, 1));
    expect(await read(new htcondor.JobEventLog(p, { offset }))).toEqual(['5:3']);
  });

  it('holds back an event still being written, waits up to stopAfter, and returns it once complete', async () => {
    const p = file('growing.log', submit(4) + terminated(4, 0).slice(0, 100));
    const log = new htcondor.JobEventLog(p);
    expect(await read(log)).toEqual(['0:4']);
    const start = Date.now();
    expect(await read(log, 0.3)).toEqual([]);
    expect(Date.now() - start).toBeGreaterThanOrEqual(280);
    setTimeout(() => appendFileSync(p, terminated(4, 0).slice(100)), 150);
    const got: string[] = [];
    for await (const e of log.events(null)) {
      got.push(`${e.type}:${e.cluster}`);
      break;
    }
    expect(got).toEqual(['5:4']);
    // Iterating the log itself follows it too, as in Python.
    setTimeout(() => appendFileSync(p, submit(5)), 100);
    for await (const e of log) {
      expect(`${e.type}:${e.cluster}`).toBe('0:5');
      break;
    }
    await log.close();
    await expect(read(log)).rejects.toThrow(HTCondorIOError);
  });

  it('stops following when aborted, also while waiting', async () => {
    const log = new htcondor.JobEventLog(file('abort.log', submit(5)));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 100);
    await expect(read(log, null, controller.signal)).rejects.toThrow('stop');
  });

  it('reports bytes that are no event as HTCondorIOError with the offset, then reads on', async () => {
    const garbled = submit(6) + 'this is not an event\n...\n' + terminated(6, 2);
    const log = new htcondor.JobEventLog(file('garbled.log', garbled));
    const seen: string[] = [];
    await expect(async () => {
      for await (const e of log.events(0)) seen.push(`${e.type}:${e.cluster}`);
    }).rejects.toThrow(new RegExp(`not the start of an event at offset ${submit(6).length}`));
    expect(seen).toEqual(['0:6']);
    expect(await read(log)).toEqual(['5:6']);
    // Binary garbage: errors, never a crash or a hang.
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const noisy = new htcondor.JobEventLog(noise);
    for (let i = 0; i < 50; i++) {
      try {
        await read(noisy);
        break;
      } catch (e) {
        expect(e).toBeInstanceOf(HTCondorIOError);
      }
    }
  });

  it('reads a large log in chunks: 40,000 events', async () => {
    const p = path.join(dir, 'large.log');
    writeFileSync(p, '');
    for (let i = 0; i < 20000; i += 1000) appendFileSync(p, Array.from({ length: 1000 }, (_, j) => submit(i + j) + terminated(i + j, (i + j) % 5)).join(''));
    let count = 0;
    let sum = 0;
    for await (const e of new htcondor.JobEventLog(p).events(0)) {
      count++;
      if (e.type === htcondor.JobEventType.JOB_TERMINATED) sum += Number(e.get('ReturnValue'));
    }
    expect(count).toBe(40000);
    expect(sum).toBe(2 * 20000);
  });

  it('refuses a missing file and bad arguments with the documented exceptions', async () => {
    await expect(read(new htcondor.JobEventLog(path.join(dir, 'missing.log')))).rejects.toThrow(HTCondorIOError);
    expect(() => new htcondor.JobEventLog(path.join(dir, 'x'), { offset: -1 })).toThrow(HTCondorValueError);
    expect(() => new htcondor.JobEventLog(42 as never)).toThrow(HTCondorValueError);
    await expect(read(new htcondor.JobEventLog(new Uint8Array()), -1)).rejects.toThrow(HTCondorValueError);
  });
});

describe('JobEvent', () => {
  it('reads like the bindings dict: get with a fallback, has, keys, values, items, iteration, any case, str()', async () => {
    const events: htcondor.JobEvent[] = [];
    for await (const e of new htcondor.JobEventLog(new TextEncoder().encode(terminated(9, 7))).events(0)) events.push(e);
    const [e] = events as [htcondor.JobEvent];
    expect(e.type).toBe(htcondor.JobEventType.JOB_TERMINATED);
    expect([e.cluster, e.proc, e.timestamp]).toEqual([9, 0, Date.UTC(2026, 10, 21, 6, 20, 9) / 1000 - new Date(Date.UTC(2026, 10, 21, 6, 20, 9)).getTimezoneOffset() * 60]);
    expect(e.get('returnvalue')).toBe(7);
    expect(e.get('NoSuchField', 'dflt')).toBe('dflt');
    expect(e.has('TerminatedNormally')).toBe(true);
    expect(e.get('TerminatedNormally')).toBe(true);
    expect([...e].sort()).toEqual(e.keys().sort());
    expect(e.items().find(([k]) => k === 'ReturnValue')?.[1]).toBe(7);
    expect(e.values()).toHaveLength(e.size);
    expect((e.get('ToE') as { get(k: string): unknown }).get('ExitCode')).toBe(7);
    expect(String(e)).toMatch(/^005 \(009\.000\.000\) 2026-11-21 06:20:09 Job terminated\.\n\t\(1\) Normal termination \(return value 7\)\n/);
  });

  it('raises HTCondorInternalError for the fields of an event HTCondor cannot make an ad of, and prints its repr', async () => {
    // A disconnect event without the startd's name: HTCondor's toClassAd and formatBody refuse it.
    const json = '{ "EventTypeNumber": 22, "Cluster": 12, "Proc": 0, "EventTime": "2026-11-21T06:20:09", "DisconnectReason": "gone", "StartdAddr": "<a>" }\n';
    const log = new htcondor.JobEventLog(new TextEncoder().encode(json));
    const events: htcondor.JobEvent[] = [];
    for await (const e of log.events(0)) events.push(e);
    const [e] = events as [htcondor.JobEvent];
    expect(e.type).toBe(htcondor.JobEventType.JOB_DISCONNECTED);
    expect(() => e.get('StartdAddr')).toThrow(HTCondorInternalError);  // from the reader's copy
    expect(String(e)).toMatch(/^JobEvent\(type=22, cluster=12, proc=0, timestamp=\d+\)$/);
    await log.close();
    expect(() => e.ad).toThrow(HTCondorInternalError);  // from its bytes, read again
  });

  it('reads as HTCondor 25 when asked: no ToE', async () => {
    const events: htcondor.JobEvent[] = [];
    for await (const e of new htcondor.JobEventLog(new TextEncoder().encode(terminated(9, 7)), { htcondorVersion: '25.14.1' }).events(0)) events.push(e);
    expect(events[0]!.has('ToE')).toBe(false);
    expect(String(events[0])).not.toContain('of its own accord');
  });
});

