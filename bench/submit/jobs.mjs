// Benchmark: expand a description with a 100,000-row `queue from` into job ads, with
// htcondor-wasm's Submit and with HTCondor's Python Submit, on the same text in one run: every
// proc's whole ad (jobs()) and the cluster ad then each proc's own attributes (procs()). Both
// must make the same number of ads with the same arguments. Prints the ratio (below 1: faster).
//   node bench/submit/jobs.mjs [rows=100000]
import { htcondor } from 'htcondor-wasm/inthread';

import { ratioLine, runPython } from '../lib/python-peer.mjs';

const rows = Number(process.argv[2] ?? 100000);
const items = Array.from({ length: rows }, (_, i) => `in_${i}.dat ${i % 7} ${i * 3}`).join('\n');
const text = `executable = /bin/echo
arguments = $(file) $(a) $(b)
output = out/$(file).$(Process).out
error = err/$(file).err
request_memory = 64
queue file,a,b from (
${items}
)
`;
const options = { clusterid: 1, procid: 0, qdate: 1700000000, owner: 'corpus' };

function ours() {
  const start = performance.now();
  const sub = new htcondor.Submit(text, { user: 'corpus', config: {} });
  let jobs = 0;
  let sum = 0;
  for (const ad of sub.jobs(options)) {
    jobs++;
    sum += ad.get('Args').length;
    ad.dispose();
  }
  const middle = performance.now();
  let procs = 0;
  for (const ad of sub.procs(options)) {
    procs++;
    ad.dispose();
  }
  sub.dispose();
  return { jobsMs: middle - start, procsMs: performance.now() - middle, jobs, procs, sum };
}

const python = `
import json, sys, time, htcondor
text = sys.stdin.read()
start = time.perf_counter()
sub = htcondor.Submit(text)
jobs = 0; total = 0
for ad in sub.jobs(clusterid=1, procid=0, qdate=1700000000, owner="corpus"):
    jobs += 1; total += len(ad["Args"])
middle = time.perf_counter()
procs = 0
for ad in sub.procs(clusterid=1, procid=0, qdate=1700000000, owner="corpus"):
    procs += 1
print(json.dumps({"jobsMs": (middle - start) * 1000, "procsMs": (time.perf_counter() - middle) * 1000, "jobs": jobs, "procs": procs, "sum": total}))
`;

ours(); // warm the engine
const mine = ours();
const theirs = runPython(python, text);
if (mine.jobs !== theirs.jobs || mine.procs !== theirs.procs || mine.sum !== theirs.sum) {
  throw new Error(`results differ: ours ${JSON.stringify(mine)}, Python ${JSON.stringify(theirs)}`);
}
console.log(`${rows} items: ${mine.jobs} job ads, ${mine.procs} proc ads each side`);
console.log(ratioLine('Submit.jobs()', mine.jobsMs, theirs.jobsMs));
console.log(ratioLine('Submit.procs()', mine.procsMs, theirs.procsMs));
