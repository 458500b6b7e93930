// Benchmark: the Schedd against the test pool, htcondor-wasm and HTCondor's Python bindings
// (23.9.6 v1, as the pool's test user with the same IDTOKENS token) in one run, over direct TCP:
//   submit        Schedd.submit of N procs in one cluster (held, so they stay queued)
//   query/3       Schedd.query of those N jobs with a 3-attribute projection
//   query/full    the same with whole ads
//   history       Schedd.history of N jobs (each side's cluster, removed so it reaches the history)
// The two queries run twice: the first pass is each process's first (cold: JIT, heap growth),
// the second what a session that keeps querying sees.
// Each side submits and reads its own cluster; both must count N ads. Prints the ratios.
//   node bench/schedd/jobs.mjs [N=10000]
import { htcondor } from 'htcondor-wasm';

import { ratioLine, runPython } from '../lib/python-peer.mjs';
import { testPool } from '../lib/wire.mjs';

const n = Number(process.argv[2] ?? 10000);
const pool = testPool();
const description = { executable: '/bin/true', arguments: '$(Process)', hold: 'true', request_memory: '16', request_disk: '1024' };
const projection = ['ClusterId', 'ProcId', 'JobStatus'];

async function ours() {
  const security = new htcondor.SecMan();
  security.setToken(pool.token);
  const location = await new htcondor.Collector(pool.collector, { security }).locate(htcondor.DaemonTypes.Schedd);
  const schedd = new htcondor.Schedd(location, { security, timeout: 300 });
  await schedd.query('false'); // a session, as Python has one after locating
  const t = {};
  let start = performance.now();
  const { clusterId } = await schedd.submit(new htcondor.Submit(description, { cwd: '/tmp' }), { count: n });
  t.submit = performance.now() - start;
  const constraint = `ClusterId == ${clusterId}`;
  let small, full;
  for (const pass of ['', 'Again']) {
    for (const ad of [...(small ?? []), ...(full ?? [])]) ad.dispose();
    start = performance.now();
    small = await schedd.query(constraint, projection);
    t[`query3${pass}`] = performance.now() - start;
    start = performance.now();
    full = await schedd.query(constraint);
    t[`queryFull${pass}`] = performance.now() - start;
  }
  await schedd.act(htcondor.JobAction.Remove, constraint);
  await waitForHistory(schedd, constraint);
  start = performance.now();
  let history = 0;
  for await (const ad of await schedd.history(constraint, projection, n)) {
    history++;
    ad.dispose();
  }
  t.history = performance.now() - start;
  for (const ad of [...small, ...full]) ad.dispose();
  return { t, counts: [small.length, full.length, history] };
}

async function waitForHistory(schedd, constraint) {
  for (let i = 0; i < 120; i++) {
    const left = await schedd.query(constraint, ['ProcId']);
    if (left.length === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the removed jobs did not leave the queue');
}

const python = `
import json, sys, time, htcondor
n = int(sys.argv[1]) if len(sys.argv) > 1 else ${n}
d = json.loads(sys.stdin.read())
coll = htcondor.Collector("${pool.collector}")
schedd = htcondor.Schedd(coll.locate(htcondor.DaemonTypes.Schedd))
schedd.query("false")
t = {}
s = time.perf_counter()
r = schedd.submit(htcondor.Submit(d["description"]), count=${n})
t["submit"] = (time.perf_counter() - s) * 1000
c = "ClusterId == %d" % r.cluster()
for p in ["", "Again"]:
    small = full = None
    s = time.perf_counter(); small = schedd.query(c, d["projection"]); t["query3" + p] = (time.perf_counter() - s) * 1000
    s = time.perf_counter(); full = schedd.query(c); t["queryFull" + p] = (time.perf_counter() - s) * 1000
schedd.act(htcondor.JobAction.Remove, c)
for i in range(240):
    if not schedd.query(c, ["ProcId"]): break
    time.sleep(0.5)
s = time.perf_counter(); h = sum(1 for _ in schedd.history(c, d["projection"], ${n})); t["history"] = (time.perf_counter() - s) * 1000
print(json.dumps({"t": t, "counts": [len(small), len(full), h]}))
`;

const mine = await ours();
const theirs = runPython(python, JSON.stringify({ description, projection }), { user: pool.user });
for (const [i, what] of ['query/3', 'query/full', 'history'].entries()) {
  if (mine.counts[i] !== n || theirs.counts[i] !== n) throw new Error(`${what}: htcondor-wasm read ${mine.counts[i]} ads, Python ${theirs.counts[i]}, of ${n}`);
}
console.log(ratioLine(`submit ${n} procs`, mine.t.submit, theirs.t.submit));
console.log(ratioLine(`query ${n} jobs, 3 attributes`, mine.t.query3, theirs.t.query3));
console.log(ratioLine(`query ${n} jobs, whole ads`, mine.t.queryFull, theirs.t.queryFull));
console.log(ratioLine(`again: query ${n} jobs, 3 attributes`, mine.t.query3Again, theirs.t.query3Again));
console.log(ratioLine(`again: query ${n} jobs, whole ads`, mine.t.queryFullAgain, theirs.t.queryFullAgain));
console.log(ratioLine(`history ${n} jobs`, mine.t.history, theirs.t.history));
process.exit(0);
