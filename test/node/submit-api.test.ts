// Submit's API beyond the corpus: the dict protocol, item data given to jobs(), procs() and
// the cluster ad, the submit method, from_dag, dryRun, and bad input (clear errors, no hang).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { htcondor, HTCondorException, HTCondorIOError, HTCondorTypeError } from 'htcondor-wasm/inthread';

const facts: htcondor.SubmitOptions = { user: 'alice', config: { UID_DOMAIN: 'example.org', FILESYSTEM_DOMAIN: 'example.org' }, environment: {} };
const dir = mkdtempSync(path.join(os.tmpdir(), 'htcondor-wasm-submit-'));

describe('Submit', () => {
  it('is a dict of strings in definition order, and prints as submit-file text', () => {
    const sub = new htcondor.Submit({ executable: '/bin/echo', arguments: 'a b' }, facts);
    sub.set('+ProjectName', '"physics"');
    sub.setdefault('arguments', 'ignored');
    sub.update([['request_memory', '1G']]);
    expect(sub.keys()).toEqual(['executable', 'arguments', 'MY.ProjectName', 'request_memory']);
    expect(sub.get('EXECUTABLE')).toBe('/bin/echo');
    expect(sub.get('missing', 'fallback')).toBe('fallback');
    expect(sub.delete('arguments')).toBe(true);
    expect(sub.delete('arguments')).toBe(false);
    expect(sub.size).toBe(3);
    sub.setQArgs('2');
    expect(String(sub)).toBe('executable = /bin/echo\nMY.ProjectName = "physics"\nrequest_memory = 1G\nqueue 2');
    expect(() => sub.set('x', 5 as unknown as string)).toThrow(HTCondorTypeError);
  });

  it('makes jobs from item data given as strings, lists, objects and an async iterable', async () => {
    const sub = new htcondor.Submit('executable = /bin/echo\narguments = $(a)-$(b)-$(Item)\n', facts);
    const args = (ads: Iterable<{ get(name: string): unknown }>) => [...ads].map((ad) => ad.get('Args'));
    expect(args(sub.jobs({ itemdata: [{ a: '1', b: '2' }, { a: '3' }] }))).toEqual(['1-2-', '3-2-']);
    expect(args(sub.jobs({ itemdata: ['x', 'y'], count: 2 }))).toEqual(['--x', '--x', '--y', '--y']);
    expect(args(sub.jobs({ itemdata: [['p', 'q']] }))).toEqual(['--p']);
    async function* items() {
      yield { a: 'async' };
    }
    const fromAsync = [];
    for await (const ad of sub.jobs({ itemdata: items() })) fromAsync.push(ad.get('Args'));
    expect(fromAsync).toEqual(['async--']);
    expect(args(sub.jobs({ itemdata: [] }))).toEqual([]);
  });

  it('gives procs(): the cluster ad with ProcId first, then what each proc adds', () => {
    const sub = new htcondor.Submit('executable = /bin/echo\narguments = $(Process)\nqueue 3\n', facts);
    const procs = sub.procs({ clusterid: 7, qdate: 1700000000 });
    const ads = [...procs];
    expect(ads.map((ad) => ad.get('ProcId'))).toEqual([0, 1, 2]);
    expect(ads[0]!.get('ClusterId')).toBe(7);
    expect(ads[0]!.get('QDate')).toBe(1700000000);
    expect(ads[1]!.get('Args')).toBe('1');
    expect(ads[1]!.get('Cmd')).toBeUndefined();
    expect(procs.clusterad()!.get('Cmd')).toBe('/bin/echo');
    expect(sub.itemdata('v in (a, b)').next()).toEqual({ done: false, value: { v: 'a' } });
  });

  it('procs share their cluster\'s expressions, yet each evaluates them in its own ad', () => {
    const sub = new htcondor.Submit('executable = /bin/true\n+Twice = ProcId * 2\n+L = { ProcId }\n', facts);
    const ads = [...sub.jobs({ count: 3 })];
    expect(ads.map((ad) => [ad.eval('Twice'), ad.lookup('Twice')!.eval(), ad.eval('L')])).toEqual([[0, 0, [0]], [2, 2, [1]], [4, 4, [2]]]);
  });

  it('sets the submit method as the Python bindings do', () => {
    const sub = new htcondor.Submit('executable = /bin/true\n', facts);
    expect(sub.getSubmitMethod()).toBe(2);
    expect(() => sub.setSubmitMethod(5)).toThrow('Submit Method value must be 100 or greater');
    sub.setSubmitMethod(5, true);
    expect([...sub.jobs()][0]!.get('JobSubmitMethod')).toBe(5);
    sub.setSubmitMethod(-1);
    expect([...sub.jobs()][0]!.get('JobSubmitMethod')).toBeUndefined();
  });

  it('reproduces condor_submit -dry-run for a file with several queue statements', () => {
    const run = htcondor.Submit.dryRun('executable = /bin/echo\narguments = one\nqueue\narguments = two $(Process)\nqueue 2\n', { ...facts, submitFile: 'job.sub' });
    expect(run.jobs).toBe(3);
    expect(run.output).toMatch(/^\nClusterId=1\n/);
    const blocks = run.output.split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[2]!.split('\n').sort()).toEqual(['', 'Args="two 2"', 'JobStatus=1', 'ProcId=2'].sort());
    expect(run.output).toContain('JobSubmitFile="job.sub"');
  });

  it('writes the description condor_submit_dag would submit for a DAG, and names a missing DAG file', () => {
    writeFileSync(path.join(dir, 'diamond.dag'), 'JOB A a.sub\nJOB B b.sub\nPARENT A CHILD B\n');
    const sub = htcondor.Submit.from_dag('diamond.dag', { maxidle: 5, 'batch-name': 'nightly' }, { cwd: dir, environment: { PATH: '/usr/bin:/bin' }, config: {} });
    expect(sub.get('universe')).toBe('scheduler');
    expect(sub.get('arguments')).toContain('-Lockfile diamond.dag.lock -Dag diamond.dag -MaxIdle 5');
    expect(sub.get('arguments')).toContain('-MaxIdle 5');
    expect(sub.get('+JobBatchName')).toBe('"nightly"');
    expect(() => htcondor.Submit.from_dag('absent.dag', {}, { cwd: dir, config: {} })).toThrow(HTCondorIOError);
  });

  it('rejects bad input with HTCondorValueError and never hangs', () => {
    const bad = [
      'a = $(b)\nb = $(a)\nexecutable = $(a)\nqueue\n',
      'executable = /bin/true\nqueue 3 x in (a, b\n',
      '\u0000\u0001\u00ff\u0002garbage\nqueue\n',
    ];
    for (const text of bad) {
      expect(() => {
        const sub = new htcondor.Submit(text, facts);
        [...sub.jobs()];
      }, JSON.stringify(text)).toThrow(HTCondorException);
    }
    // An unclosed reference is text, as in HTCondor.
    expect([...new htcondor.Submit('executable = /bin/true\narguments = $(unclosed\n', facts).jobs()][0]!.get('Args')).toBe('$(unclosed');
    // Arguments and item data of the wrong kind.
    const sub = new htcondor.Submit('executable = /bin/true\narguments = $(a)\n', facts);
    expect(() => [...sub.jobs({ itemdata: [{ a: 5 as unknown as string }] })]).toThrow('itemdata values must be strings; a is not');
    expect(() => [...sub.jobs({ itemdata: (async function* () { yield 'x'; })() })]).toThrow('iterate the jobs with for await');
    expect(() => sub.jobs({ count: -1 })).toThrow('count must be a non-negative integer');
    expect(() => sub.setSubmitMethod(1.5)).toThrow(HTCondorTypeError);
    expect(() => htcondor.Submit.dryRun('executable = /bin/true\nqueue -1\n', facts)).toThrow('on Line 2 of submit file: invalid Queue statement');
    const rows = Array.from({ length: 200_000 }, (_, i) => `r${i}`).join('\n');
    const many = new htcondor.Submit(`executable = /bin/true\nqueue x from (\n${rows}\n)\n`, facts);
    let n = 0;
    for (const item of many.itemdata()) if (item) n++;
    expect(n).toBe(200_000);
  });
});
