// The submit-description corpus through the public API on the WASM build: for every case,
// condor_submit -dry-run's job ads and errors (Submit.dryRun), and the Python bindings' Submit
// steps (constructor, keys, values, str, getQArgs, itemdata, expand, setQArgs, jobs), each in
// the case's directory with its recorded environment. What a recorded result means where
// 23.9.6 crashed or lost a message: submit-cases.ts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { htcondor, type classad } from 'htcondor-wasm/inthread';

import { conformanceRoot } from './corpus.js';
import {
  compareAd, condorSubmitErrors, parseDryRun, readCase, typedItems, type ExpectedCase, type Step, type TypedItem,
} from './submit-cases.js';

const dir = path.join(conformanceRoot, 'submit');
const present = existsSync(path.join(dir, 'index.json'));
if (!present) console.log('submit: no corpus under CONFORMANCE_DIR, skipped');
const index = present
  ? (JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { qdate_for_python_jobs: number; cases: { case: string; expected_file: string }[] })
  : { qdate_for_python_jobs: 0, cases: [] };

/** The facts the corpus was made with (FORMAT.md): user corpus, domain vm, a stock configuration. */
function optionsOf(c: ExpectedCase, caseDir: string): htcondor.SubmitOptions {
  // ${HOME} stays as written: values made from it compare with the corpus's normalized text.
  return { cwd: caseDir, environment: c.environment, user: 'corpus', arch: 'X86_64', opsys: 'LINUX', config: { UID_DOMAIN: 'vm', FILESYSTEM_DOMAIN: 'vm' } };
}

function adRecord(ad: classad.ClassAd, caseDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of ad.printOld().split('\n')) {
    if (!line) continue;
    const at = line.indexOf(' = ');
    out[line.slice(0, at)] = line.slice(at + 3).replaceAll(caseDir, '${IWD}');
  }
  return out;
}

// Runs a step; the error's message when it throws.
function attempt<T>(step: () => T): { value: T } | { error: string } {
  try {
    return { value: step() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Compares a recorded Python step with ours. `fallback` is condor_submit's message where Python lost it. */
function compareStep<T>(expected: Step<T> | undefined | null, actual: { value: T } | { error: string }, where: string, fallback = ''): string[] {
  if (!expected) return [];
  if (expected.ok) {
    if ('error' in actual) return [`${where}: ${actual.error}`];
    return JSON.stringify(actual.value) === JSON.stringify(expected.value) ? [] : [`${where}: ${JSON.stringify(actual.value)}, expected ${JSON.stringify(expected.value)}`];
  }
  const message = expected.error?.message ?? '';
  if (message === 'basic_string: construction from null is not valid') {
    return 'value' in actual && actual.value === '' ? [] : [`${where}: ${JSON.stringify(actual)}, expected "" (23.9.6 crashed on an empty expansion)`];
  }
  if (!('error' in actual)) return [`${where}: ${JSON.stringify(actual.value)}, expected an error: ${message || JSON.stringify(expected.process_terminated)}`];
  if (!actual.error.startsWith('HTCondorValueError: ')) return [`${where}: ${actual.error}, expected HTCondorValueError`];
  const mine = actual.error.slice('HTCondorValueError: '.length);
  // Where 23.9.6 exited, hung or lost the text, any clear error that condor_submit's output names will do.
  const wanted = expected.process_terminated || message === '' || message === 'Failed to get next job' ? fallback : message;
  // A hang without a word (a macro cycle): any clear error is right.
  if (wanted === '') return [];
  // 23.9.6's Python steps number an unclosed inline list's line -2; condor_submit gives the real one.
  const lineless = (text: string) => text.replace(/on line -?\d+/g, 'on line N');
  return lineless(wanted).includes(lineless(mine)) ? [] : [`${where}: ${JSON.stringify(mine)}, expected ${JSON.stringify(wanted)}`];
}

function checkPython(c: ExpectedCase, caseDir: string): string[] {
  const py = c.python;
  const options = optionsOf(c, caseDir);
  const stderr = condorSubmitErrors(c.condor_submit.stderr);
  const made = attempt(() => new htcondor.Submit(c.submit_text, options));
  const problems = compareStep(py.constructor, 'error' in made ? made : { value: undefined }, 'constructor', stderr);
  if ('error' in made) return problems;
  using sub = made.value;
  if (py.keys) problems.push(...compareStep({ ok: true, value: py.keys }, attempt(() => sub.keys()), 'keys'));
  if (py.raw_values) problems.push(...compareStep({ ok: true, value: py.raw_values }, attempt(() => Object.fromEntries(sub.items())), 'raw_values'));
  problems.push(...compareStep(py.str, attempt(() => String(sub)), 'str'));
  problems.push(...compareStep(py.getQArgs, attempt(() => sub.getQArgs()), 'getQArgs'));
  problems.push(...compareStep<TypedItem[]>(py.itemdata, attempt(() => typedItems([...sub.itemdata()])), 'itemdata', stderr));
  for (const [key, step] of Object.entries(py.expand ?? {})) problems.push(...compareStep(step, attempt(() => sub.expand(key)), `expand(${key})`, stderr));
  for (const probe of py.setQArgs_probes ?? []) {
    using fresh = new htcondor.Submit(c.submit_text, options);
    const set = attempt(() => fresh.setQArgs(probe.arg));
    problems.push(...compareStep({ ok: probe.ok, ...(probe.error && { error: probe.error }) }, set, `setQArgs(${probe.arg})`));
    if (!probe.ok) continue;
    problems.push(...compareStep(probe.getQArgs, attempt(() => fresh.getQArgs()), `setQArgs(${probe.arg}).getQArgs`));
    problems.push(...compareStep<TypedItem[]>(probe.itemdata, attempt(() => typedItems([...fresh.itemdata()])), `setQArgs(${probe.arg}).itemdata`, stderr));
    problems.push(...compareStep(probe.str, attempt(() => String(fresh)), `setQArgs(${probe.arg}).str`));
  }
  if (py.jobs) {
    const jobs = attempt(() => [...sub.jobs({ clusterid: 1, procid: 0, qdate: index.qdate_for_python_jobs, owner: 'corpus' })].map((ad) => adRecord(ad, caseDir)));
    if (!py.jobs.ok || 'error' in jobs) {
      problems.push(...compareStep(py.jobs.ok ? py.jobs : { ...py.jobs }, 'error' in jobs ? jobs : { value: 'ads' }, 'jobs', stderr));
    } else {
      const expected = py.jobs.value!;
      if (expected.length !== jobs.value.length) problems.push(`jobs: ${jobs.value.length} ads, expected ${expected.length}`);
      expected.forEach((e, i) => jobs.value[i] && problems.push(...compareAd(e.ad, e.volatile, jobs.value[i]!, `jobs[${i}]`)));
    }
  }
  return problems;
}

function checkCondorSubmit(c: ExpectedCase, caseDir: string): string[] {
  const cs = c.condor_submit;
  const run = attempt(() => htcondor.Submit.dryRun(c.submit_text, { ...optionsOf(c, caseDir), submitFile: 'job.sub' }));
  if (cs.exit_code !== 0) {
    if (!('error' in run)) return [`condor_submit: ${run.value.jobs} jobs, expected an error: ${cs.stderr.trim() || '(a hang)'}`];
    const mine = run.error.replace(/^HTCondorValueError: /, '');
    const stderr = condorSubmitErrors(cs.stderr);
    if (cs.timed_out || cs.exit_code === null) return [];
    return stderr.includes(mine) ? [] : [`condor_submit: ${JSON.stringify(run.error)}, expected ${JSON.stringify(stderr)}`];
  }
  if ('error' in run) return [`condor_submit: ${run.error}`];
  // The jobs condor_submit counted (with late materialization more than the file lists).
  const jobs = Number(/(\d+) job\(s\) dry-run/.exec(cs.stdout)?.[1] ?? cs.job_count);
  const problems = run.value.jobs === jobs ? [] : [`condor_submit: ${run.value.jobs} jobs, expected ${jobs}`];
  const clusters = parseDryRun(run.value.output.replaceAll(caseDir, '${IWD}'));
  if (clusters.length !== cs.clusters.length) problems.push(`condor_submit: ${clusters.length} clusters, expected ${cs.clusters.length}`);
  cs.clusters.forEach((cluster, i) => {
    const mine = clusters[i];
    if (!mine) return;
    problems.push(...compareAd(cluster.cluster_ad, cluster.volatile, mine.clusterAd, `cluster ${i}`));
    if (mine.procs.length !== cluster.procs.length) problems.push(`cluster ${i}: ${mine.procs.length} proc blocks, expected ${cluster.procs.length}`);
    cluster.procs.forEach((proc, j) => mine.procs[j] && problems.push(...compareAd(proc.delta, proc.delta_volatile, mine.procs[j]!, `cluster ${i} proc ${j}`)));
  });
  return problems;
}

describe.skipIf(!present)('submit conformance', () => {
  let passed = 0;
  const failures: string[] = [];
  afterAll(() => console.log(`submit: ${passed} passed, ${failures.length} failed${failures.length ? ` (${failures.join(', ')})` : ''}`));

  it.each(index.cases.map((c) => [c.case, c.expected_file]))('%s', (name, file) => {
    const c = readCase(dir, file);
    const caseDir = path.join(dir, 'cases', name);
    const problems = [...checkCondorSubmit(c, caseDir), ...checkPython(c, caseDir)];
    if (problems.length === 0) passed++;
    else failures.push(name);
    expect(problems).toEqual([]);
  });
});
