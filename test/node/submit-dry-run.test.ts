// Differential test: generated submit descriptions (fixed seed, SUBMIT_DIFF_SEED to vary it)
// through HTCondor's own `condor_submit -dry-run` in the test pool's root and through
// Submit.dryRun, with the root's configuration. The same jobs, the same attributes with the
// same values (those that depend on the moment, the directory or file sizes only by presence),
// and the same errors.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { htcondor, HTCondorValueError } from 'htcondor-wasm/inthread';

import { compareAd, condorSubmitErrors, parseDryRun, type Volatile } from '../conformance/submit-cases.js';
import { generateDescriptions } from '../helpers/submit-generator.js';

const seed = Number(process.env['SUBMIT_DIFF_SEED'] ?? 20261121);
const count = Number(process.env['SUBMIT_DIFF_COUNT'] ?? 300);
const projectDir = path.resolve(import.meta.dirname, '../..');
const work = path.join(projectDir, 'build/submit-diff');
const inRoot = path.join(projectDir, 'scripts/in-root.sh');
const volatile: Volatile[] = ['QDate', 'EnteredCurrentStatus', 'CondorVersion', 'CondorPlatform', 'DiskUsage', 'ImageSize', 'ExecutableSize', 'TransferInputSizeMB']
  .map((attr) => ({ attr, raw: '' }));

/** The root's configuration as condor_submit there reads it: every name condor_config_val knows. */
function rootConfig(): Record<string, string> {
  const dump = execFileSync(inRoot, ['condor_config_val', '-dump', '-expand'], { encoding: 'utf8' });
  const config: Record<string, string> = {};
  for (const line of dump.split('\n')) {
    const m = /^([A-Za-z0-9_.]+) = (.*)$/.exec(line);
    if (m) config[m[1]!] = m[2]!;
  }
  return config;
}

describe('submit: differential against condor_submit -dry-run', () => {
  const descriptions = generateDescriptions(seed, count);
  rmSync(work, { recursive: true, force: true });
  for (const { name, text } of descriptions) {
    const dir = path.join(work, name);
    mkdirSync(path.join(dir, 'dir'), { recursive: true });
    writeFileSync(path.join(dir, 'job.sub'), text);
    writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\necho hi\n');
    chmodSync(path.join(dir, 'run.sh'), 0o755);
    for (const file of ['a.txt', 'b.txt', 'in.txt', 'c.dat', 'dir/x']) writeFileSync(path.join(dir, file), 'data\n');
  }
  // One process for all: condor_submit in each directory, its exit code, output and errors kept there.
  execFileSync(inRoot, ['sh', '-c', `cd /project/build/submit-diff && for d in gen*; do (cd $d && condor_submit -dry-run out.txt job.sub >stdout 2>stderr; echo $? >rc); done`]);
  const config = rootConfig();

  it(`${count} generated descriptions (seed ${seed}) give condor_submit's jobs and errors`, () => {
    const problems: string[] = [];
    let failing = 0;
    for (const { name, text } of descriptions) {
      const dir = path.join(work, name);
      const rc = Number(readFileSync(path.join(dir, 'rc'), 'utf8'));
      const rootDir = `/project/build/submit-diff/${name}`;
      let mine: htcondor.DryRun | undefined;
      let error = '';
      try {
        mine = htcondor.Submit.dryRun(text, { cwd: dir, submitFile: 'job.sub', user: 'root', environment: {}, config });
      } catch (e) {
        if (!(e instanceof HTCondorValueError)) throw e;
        error = e.message;
      }
      const found: string[] = [];
      if (rc !== 0) {
        failing++;
        const stderr = condorSubmitErrors(readFileSync(path.join(dir, 'stderr'), 'utf8'));
        if (mine) found.push(`${mine.jobs} jobs, expected an error: ${stderr.trim()}`);
        else if (!stderr.includes(error)) found.push(`error ${JSON.stringify(error)}, expected ${JSON.stringify(stderr)}`);
      } else if (!mine) {
        found.push(`error ${JSON.stringify(error)}, condor_submit succeeded`);
      } else {
        const theirs = parseDryRun(readFileSync(path.join(dir, 'out.txt'), 'utf8').replaceAll(rootDir, '${IWD}'));
        const ours = parseDryRun(mine.output.replaceAll(dir, '${IWD}'));
        if (theirs.length !== ours.length) found.push(`${ours.length} clusters, expected ${theirs.length}`);
        theirs.forEach((cluster, i) => {
          const o = ours[i];
          if (!o) return;
          found.push(...compareAd(cluster.clusterAd, volatile, o.clusterAd, `cluster ${i}`));
          if (o.procs.length !== cluster.procs.length) found.push(`cluster ${i}: ${o.procs.length} procs, expected ${cluster.procs.length}`);
          cluster.procs.forEach((proc, j) => o.procs[j] && found.push(...compareAd(proc, volatile, o.procs[j]!, `cluster ${i} proc ${j}`)));
        });
      }
      if (found.length) problems.push(`${name}:\n${text}${found.map((f) => `  ${f}`).join('\n')}`);
    }
    console.log(`submit differential: ${count - problems.length} of ${count} agree (${failing} rejected by condor_submit), seed ${seed}`);
    expect(problems).toEqual([]);
  });
});
