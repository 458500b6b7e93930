// Benchmark: read a job event log of N events (classic format: submit, execute, image size
// and termination of N/4 jobs, as a pool writes them) with htcondor-wasm's JobEventLog and with
// HTCondor's Python JobEventLog, on the same file in one run. Each side reads every event's
// type, job id and one field. Both must see the same events. Prints events per second and the
// ratio (below 1: we are faster).
//   node bench/eventlog/read.mjs [events=100000]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { htcondor } from 'htcondor-wasm/inthread';

import { ratioLine, runPython } from '../lib/python-peer.mjs';

const events = Number(process.argv[2] ?? 100000);
const jobs = Math.ceil(events / 4);
const projectDir = path.resolve(import.meta.dirname, '../..');
const file = path.join(projectDir, 'build/bench/events.log');
const host = '<127.0.0.1:9618?addrs=127.0.0.1-9618&alias=vm&noUDP&sock=schedd_1_1>';
const usage = 'Usr 0 00:00:00, Sys 0 00:00:00';

function time(i) {
  const t = new Date(Date.UTC(2026, 10, 21, 6, 0, 0) + i * 1000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)}`;
}

function job(i) {
  const id = `(${String(1000 + i).padStart(3, '0')}.000.000)`;
  return [
    `000 ${id} ${time(4 * i)} Job submitted from host: ${host}\n...\n`,
    `001 ${id} ${time(4 * i + 1)} Job executing on host: ${host.replace('schedd', 'startd')}\n\tSlotName: slot1_${i % 8}@vm\n` +
      `\tCondorScratchDir = "/var/lib/condor/execute/dir_${i}"\n\tCpus = 1\n\tDisk = 2048\n\tMemory = 128\n...\n`,
    `006 ${id} ${time(4 * i + 2)} Image size of job updated: ${20000 + i}\n\t5  -  MemoryUsage of job (MB)\n\t4620  -  ResidentSetSize of job (KB)\n...\n`,
    `005 ${id} ${time(4 * i + 3)} Job terminated.\n\t(1) Normal termination (return value ${i % 3})\n` +
      `\t\t${usage}  -  Run Remote Usage\n\t\t${usage}  -  Run Local Usage\n\t\t${usage}  -  Total Remote Usage\n\t\t${usage}  -  Total Local Usage\n` +
      `\t0  -  Run Bytes Sent By Job\n\t0  -  Run Bytes Received By Job\n\t0  -  Total Bytes Sent By Job\n\t0  -  Total Bytes Received By Job\n` +
      `\tPartitionable Resources :    Usage  Request Allocated \n\t   Cpus                 :                 1         1 \n` +
      `\t   Disk (KB)            :      150      150      2048 \n\t   Memory (MB)          :        5       16       128 \n\n` +
      `\tJob terminated of its own accord at ${time(4 * i + 3).replace(' ', 'T')}Z with exit-code ${i % 3}.\n...\n`,
  ].join('');
}

mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, Array.from({ length: jobs }, (_, i) => job(i)).join(''));

async function ours() {
  const start = performance.now();
  let count = 0;
  let sum = 0;
  for await (const event of new htcondor.JobEventLog(file).events(0)) {
    count++;
    sum += event.cluster + event.type;
    if (event.type === htcondor.JobEventType.JOB_TERMINATED) sum += Number(event.get('ReturnValue'));
    event.dispose();
  }
  return { ms: performance.now() - start, count, sum };
}

const python = `
import json, time, htcondor
start = time.perf_counter()
count = 0; total = 0
for event in htcondor.JobEventLog("/project/build/bench/events.log").events(0):
    count += 1
    total += event.cluster + int(event.type)
    if event.type == htcondor.JobEventType.JOB_TERMINATED:
        total += event["ReturnValue"]
print(json.dumps({"ms": (time.perf_counter() - start) * 1000, "count": count, "sum": total}))
`;

await ours(); // warm the engine
const mine = await ours();
const theirs = runPython(python, '');
if (mine.count !== theirs.count || mine.sum !== theirs.sum) {
  throw new Error(`results differ: ours ${JSON.stringify(mine)}, Python ${JSON.stringify(theirs)}`);
}
const rate = (r) => Math.round(r.count / (r.ms / 1000)).toLocaleString('en');
console.log(`${mine.count} events: htcondor-wasm ${rate(mine)}/s, HTCondor Python bindings ${rate(theirs)}/s`);
console.log(ratioLine('read every event', mine.ms, theirs.ms));
