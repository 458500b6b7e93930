// Benchmark: Collector.query of whole ads (no projection) against the test pool's collector,
// htcondor-wasm and HTCondor's Python bindings (23.9.6, as the pool's test user, with the same
// IDTOKENS token) in one run, over direct TCP on loopback, on a resumed security session:
//   pool ads       query(AdTypes.Any): every ad of the pool (its ~9 daemon ads), N times;
//   generic ads    query(AdTypes.Generic, "BenchRun == <run>"): ADS generic ads of ~30
//                  attributes that this benchmark advertises first (as the pool's daemon
//                  identity, condor@DOMAIN, with a token minted by condor_token_create) and
//                  invalidates afterwards, LARGE_N times.
// htcondor-wasm disposes the ads of each query inside the loop (Python frees them when the list
// is dropped). Both sides run after a warm-up, in alternating rounds; medians over rounds are
// printed with each side's CPU time. Both must return the same ads (types, names, a checksum).
//   node bench/wire/query-all.mjs [N=200] [--ads=2000] [--large-n=20] [--rounds=3] [--entry=both|worker|inthread]
import { runPython } from '../lib/python-peer.mjs';
import { daemonToken, ENTRIES, loadNote, medians, opRatioLine, parseArgs, PYTHON_PRELUDE, sameResult, testPool, timeOps } from '../lib/wire.mjs';

const { n, rounds, entries, named } = parseArgs(process.argv.slice(2), { n: 200 });
const adCount = Number(named.ads ?? 2000);
const largeN = Number(named['large-n'] ?? 20);
const pool = testPool();
const run = process.pid * 1000 + Math.floor(Math.random() * 1000);
const genericConstraint = `BenchRun == ${run}`;

/** A generic ad of about 30 attributes of the usual kinds, like a small daemon ad. */
function genericAd(i) {
  const ad = {
    MyType: 'Generic',
    Name: `htcondor-wasm-bench-${run}-${i}`,
    BenchRun: run,
    Index: i,
    Machine: `node${i % 97}.example.org`,
    MyAddress: `<10.0.${i >> 8 & 255}.${i & 255}:9618?addrs=10.0.${i >> 8 & 255}.${i & 255}-9618&alias=node${i % 97}.example.org>`,
    OpSys: 'LINUX',
    Arch: 'X86_64',
    Cpus: 1 + (i % 32),
    Memory: 1024 * (1 + (i % 64)),
    Disk: 1_000_000 + i * 37,
    LoadAvg: (i % 100) / 100,
    KeyboardIdle: i * 13,
    Activity: i % 3 ? 'Idle' : 'Busy',
    State: i % 3 ? 'Unclaimed' : 'Claimed',
    Owner: `user${i % 17}`,
    HasFileTransfer: true,
    HasVM: false,
    CondorVersion: '$CondorVersion: 23.9.6 2024-07-12 BuildID: bench $',
    CondorPlatform: '$CondorPlatform: X86_64-Debian_13 $',
    DaemonStartTime: 1_700_000_000 + i,
    LastHeardFrom: 1_700_000_000 + 2 * i,
    TotalSlots: 1 + (i % 8),
    Mips: 20_000 + i,
    KFlops: 1_500_000 + i,
    StartdIpAddr: `<10.0.${i >> 8 & 255}.${i & 255}:9618>`,
    FileSystemDomain: 'example.org',
    UidDomain: 'example.org',
    Tags: `{ "a${i % 5}", "b${i % 7}", "gpu" }`,
  };
  return ad;
}

/** What both sides must agree on for a list of ads. */
function summary(ads) {
  const ids = ads.map((ad) => `${ad.get('MyType')}/${ad.get('Name')}`).sort();
  const attributes = ads.reduce((sum, ad) => sum + ad.keys().length, 0);
  return { count: ads.length, ids, attributes };
}

async function oursRound(lib, phase) {
  const { htcondor } = lib;
  const security = new htcondor.SecMan();
  security.setToken(pool.token);
  const collector = new htcondor.Collector(pool.collector, { security });
  let last;
  const query = (adType, constraint) => async () => {
    const ads = await collector.query(adType, constraint);
    last?.forEach((ad) => ad.dispose());
    last = ads;
  };
  const result = {};
  const check = {};
  if (phase === 'any') {
    result.any = await timeOps(query(htcondor.AdTypes.Any, 'true'), n);
    check.any = summary(last);
  } else {
    result.generic = await timeOps(query(htcondor.AdTypes.Generic, genericConstraint), largeN, 2);
    const { ids, ...counts } = summary(last);
    check.generic = { ...counts, indexSum: last.reduce((s, ad) => s + ad.get('Index'), 0) };
  }
  last.forEach((ad) => ad.dispose());
  return { result, check };
}

const python = `${PYTHON_PRELUDE}
args = json.loads(sys.stdin.read())
collector = htcondor.Collector(args["collector"])
last = None
def query(ad_type, constraint):
    def run():
        global last
        last = collector.query(ad_type, constraint)
    return run
def summary(ads):
    return {"count": len(ads), "ids": sorted("%s/%s" % (ad.get("MyType"), ad.get("Name")) for ad in ads), "attributes": sum(len(ad) for ad in ads)}
result = {}
check = {}
if args["phase"] == "any":
    result["any"] = measure(query(htcondor.AdTypes.Any, "true"), args["n"])
    check["any"] = summary(last)
else:
    result["generic"] = measure(query(htcondor.AdTypes.Generic, args["constraint"]), args["largeN"], 2)
    counts = summary(last)
    del counts["ids"]
    check["generic"] = dict(counts, indexSum=sum(ad["Index"] for ad in last))
print(json.dumps({"result": result, "check": check}))
`;

function pythonRound(phase) {
  const input = { n, largeN, phase, collector: pool.collector, constraint: genericConstraint };
  return runPython(python, JSON.stringify(input), { user: pool.user });
}

console.log(`${n} queries of the pool's ads${adCount ? ` and ${largeN} of ${adCount} generic ads` : ''} per round, ${rounds} rounds (medians), collector ${pool.collector}; ${loadNote()}`);
const libs = Object.fromEntries(await Promise.all(entries.map(async (e) => [e, await ENTRIES[e]()])));
const { htcondor, classad } = libs[entries[0]];

/** Rounds of one phase, ours and Python's alternating: the medians of each entry and of Python, and what both saw. */
async function phase(name) {
  const ours = Object.fromEntries(entries.map((e) => [e, []]));
  const theirs = [];
  let seen;
  for (let r = 0; r < rounds; r++) {
    for (const e of entries) {
      const { result, check } = await oursRound(libs[e], name);
      ours[e].push(result);
      const peer = pythonRound(name);
      theirs.push(peer.result);
      // The daemons update their ads meanwhile: the pool's ads must be the same ones, their
      // attribute counts within 2%. The generic ads do not change: they must be identical.
      const close = (a, b) => Math.abs(a - b) <= 0.02 * Math.max(a, b);
      if (name === 'any' && close(check.any.attributes, peer.check.any.attributes)) peer.check.any.attributes = check.any.attributes;
      sameResult(`${name}, round ${r + 1} (${e})`, check, peer.check);
      seen = check[name];
    }
  }
  return { ours: Object.fromEntries(entries.map((e) => [e, medians(ours[e])[name]])), theirs: medians(theirs)[name], seen };
}

// All of the pool's ads, before this benchmark adds any.
const any = await phase('any');
console.log(`both sides: the same ${any.seen.count} pool ads (${any.seen.attributes} attributes: ${[...new Set(any.seen.ids.map((id) => id.split('/')[0]))].join(', ')})`);
for (const e of entries) console.log(opRatioLine(`query(AdTypes.Any), ${any.seen.count} ads [${e}]`, any.ours[e], any.theirs));

// The generic ads, advertised as the pool's daemon identity, taken out again at the end.
if (adCount > 0) {
  const writerSecurity = new htcondor.SecMan();
  writerSecurity.setToken(daemonToken(pool));
  const writer = new htcondor.Collector(pool.collector, { security: writerSecurity });
  const ads = Array.from({ length: adCount }, (_, i) => {
    const { Tags, ...plain } = genericAd(i);
    const ad = new classad.ClassAd(plain);
    ad.set('Tags', new classad.ExprTree(Tags));
    return ad;
  });
  const start = performance.now();
  try {
    await writer.advertise(ads);
    ads.forEach((ad) => ad.dispose());
    // The collector takes the updates after the connection closes: wait until it has them all.
    for (let seen = 0; seen < adCount;) {
      const got = await writer.query(htcondor.AdTypes.Generic, genericConstraint, ['Name']);
      seen = got.length;
      got.forEach((ad) => ad.dispose());
      if (performance.now() - start > 60_000) throw new Error(`the collector shows ${seen} of the ${adCount} advertised ads after 60 s`);
    }
    console.log(`advertised ${adCount} generic ads in ${(performance.now() - start).toFixed(0)} ms`);
    const generic = await phase('generic');
    console.log(`both sides: the same ${generic.seen.count} generic ads (${generic.seen.attributes} attributes)`);
    for (const e of entries) console.log(opRatioLine(`query(AdTypes.Generic), ${generic.seen.count} ads [${e}]`, generic.ours[e], generic.theirs));
  } finally {
    const invalidation = new classad.ClassAd({ MyType: 'Query', TargetType: 'Generic' });
    invalidation.set('Requirements', new classad.ExprTree(genericConstraint));
    await writer.advertise([invalidation], 'INVALIDATE_ADS_GENERIC');
  }
}
