// Benchmark: parse N job ads, match each against M machine ads (Requirements both ways), and
// evaluate each matching job's Rank, with htcondor-wasm (in-thread engine) and with HTCondor's
// Python classad module on the same generated text, in one run. Both must find the same
// matches and rank sum. Prints both times and the ratio (below 1: we are faster).
//   node bench/classad/evaluate.mjs [jobs=2000] [machines=50]
import { classad } from 'htcondor-wasm/inthread';

import { ratioLine, runPython } from '../lib/python-peer.mjs';

const jobs = Number(process.argv[2] ?? 2000);
const machines = Number(process.argv[3] ?? 50);

const jobText = Array.from({ length: jobs }, (_, i) =>
  `[ ClusterId = ${i}; Owner = "user${i % 7}"; RequestMemory = ${512 * (1 + (i % 8))}; RequestCpus = ${1 + (i % 4)}; ` +
  `Requirements = TARGET.Memory >= RequestMemory && TARGET.Cpus >= RequestCpus && TARGET.OpSys == "LINUX"; ` +
  `Rank = RequestMemory * 2 + (Owner =?= "user3" ? 100 : 0) ]`).join('\n');
const machineText = Array.from({ length: machines }, (_, i) =>
  `[ Name = "slot${i}@node"; Memory = ${1024 * (1 + (i % 16))}; Cpus = ${1 + (i % 8)}; OpSys = "LINUX"; Mips = ${1000 + i}; ` +
  `Requirements = TARGET.RequestMemory <= Memory && strcmp(TARGET.Owner, "user3") != 0 ]`).join('\n');

function ours() {
  const start = performance.now();
  const ms = classad.parseAds(machineText, classad.ParserType.New);
  let matches = 0;
  let rankSum = 0;
  for (const job of classad.parseAds(jobText, classad.ParserType.New)) {
    for (const m of ms) {
      if (job.symmetricMatch(m)) {
        matches++;
        rankSum += Number(job.eval('Rank'));
      }
    }
    job.dispose();
  }
  for (const m of ms) m.dispose();
  return { ms: performance.now() - start, matches, rankSum };
}

const python = `
import sys, json, time, classad, htcondor
jobs_text, machines_text = sys.stdin.read().split("\\0")
start = time.perf_counter()
ms = list(classad.parseAds(machines_text, classad.Parser.New))
matches = 0; rank_sum = 0
for job in classad.parseAds(jobs_text, classad.Parser.New):
    for m in ms:
        if job.symmetricMatch(m):
            matches += 1
            rank_sum += job.eval("Rank")
print(json.dumps({"ms": (time.perf_counter() - start) * 1000, "matches": matches, "rankSum": rank_sum}))
`;

ours(); // warm the engine
const mine = ours();
const theirs = runPython(python, `${jobText}\0${machineText}`);
if (mine.matches !== theirs.matches || mine.rankSum !== theirs.rankSum) {
  throw new Error(`results differ: ours ${JSON.stringify(mine)}, Python ${JSON.stringify(theirs)}`);
}
console.log(`${jobs} jobs x ${machines} machines, ${mine.matches} matches`);
console.log(ratioLine('parse + symmetric match + rank', mine.ms, theirs.ms));
