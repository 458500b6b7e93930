// Benchmark: security-session latency against the test pool's collector, htcondor-wasm and
// HTCondor's Python bindings (23.9.6, as the pool's test user, with the same IDTOKENS token) in
// one run, over direct TCP on loopback:
//   ping           SecMan.ping(collector, "READ"): DC_SEC_QUERY, which negotiates a new session
//                  every time on both sides (ECDH P-256, IDTOKENS, AES-GCM key derivation);
//   new session    SecMan.invalidateAllSessions() then a small Collector.query: the same
//                  handshake, then the command on the new session;
//   resumed        the small query again on the cached session (a resume ad and AES-GCM, no
//                  authentication).
// The small query is query(AdTypes.Collector, "true", ["Name"]). Both sides run N of each after
// a warm-up, in alternating rounds; medians over rounds are printed, with each side's CPU time.
// Both must see the same identity, method and cipher, a new session id per ping, and the same ads.
//   node bench/wire/handshake.mjs [N=200] [--rounds=3] [--entry=both|worker|inthread]
import { runPython } from '../lib/python-peer.mjs';
import { ENTRIES, loadNote, medians, opRatioLine, parseArgs, PYTHON_PRELUDE, sameResult, testPool, timeOps } from '../lib/wire.mjs';

const { n, rounds, entries } = parseArgs(process.argv.slice(2), { n: 200 });
const pool = testPool();
const METRICS = {
  ping: 'ping (new session each, DC_SEC_QUERY)',
  newSession: 'invalidateAllSessions + small query (new session)',
  resumed: 'small query on a resumed session',
};

async function oursRound(lib) {
  const { htcondor } = lib;
  const security = new htcondor.SecMan();
  security.setToken(pool.token);
  const collector = new htcondor.Collector(pool.collector, { security });
  const small = async () => {
    const ads = await collector.query(htcondor.AdTypes.Collector, 'true', ['Name']);
    const names = ads.map((ad) => ad.get('Name'));
    for (const ad of ads) ad.dispose();
    return names;
  };
  const sids = new Set();
  let session;
  const ping = async () => {
    const ad = await security.ping(pool.sinful, 'READ');
    sids.add(ad.get('Sid'));
    session = { user: ad.get('MyRemoteUserName'), methods: ad.get('AuthMethods'), crypto: ad.get('CryptoMethods'), encryption: ad.get('Encryption'), integrity: ad.get('Integrity') };
    ad.dispose();
  };
  const result = {};
  result.ping = await timeOps(ping, n);
  const pings = sids.size;
  result.newSession = await timeOps(async () => {
    await security.invalidateAllSessions();
    await small();
  }, n);
  result.resumed = await timeOps(small, n);
  return { result, check: { session, newSessionPerPing: pings, names: (await small()).sort() } };
}

const python = `${PYTHON_PRELUDE}
args = json.loads(sys.stdin.read())
n, sinful, pool = args["n"], args["sinful"], args["collector"]
security = htcondor.SecMan()
collector = htcondor.Collector(pool)
def small():
    return [ad.get("Name") for ad in collector.query(htcondor.AdTypes.Collector, "true", ["Name"])]
sids = set()
session = {}
def ping():
    ad = security.ping(sinful, "READ")
    sids.add(ad["Sid"])
    session.update(user=ad["MyRemoteUserName"], methods=ad["AuthMethods"], crypto=ad["CryptoMethods"], encryption=ad["Encryption"], integrity=ad["Integrity"])
def new_session():
    security.invalidateAllSessions()
    small()
result = {}
result["ping"] = measure(ping, n)
pings = len(sids)
result["newSession"] = measure(new_session, n)
result["resumed"] = measure(small, n)
print(json.dumps({"result": result, "check": {"session": session, "newSessionPerPing": pings, "names": sorted(small())}}))
`;

function pythonRound() {
  return runPython(python, JSON.stringify({ n, sinful: pool.sinful, collector: pool.collector }), { user: pool.user });
}

console.log(`${n} operations of each kind per round, ${rounds} rounds (medians), collector ${pool.collector}; ${loadNote()}`);
const libs = Object.fromEntries(await Promise.all(entries.map(async (e) => [e, await ENTRIES[e]()])));
const ours = Object.fromEntries(entries.map((e) => [e, []]));
const theirs = [];
let session;
for (let r = 0; r < rounds; r++) {
  for (const e of entries) {
    const { result, check } = await oursRound(libs[e]);
    ours[e].push(result);
    const peer = pythonRound();
    theirs.push(peer.result);
    session = check.session;
    sameResult(`round ${r + 1} (${e})`, check, peer.check);
    const warmupPings = Math.max(5, Math.ceil(n / 10));
    if (check.newSessionPerPing !== n + warmupPings) throw new Error(`expected ${n + warmupPings} distinct sessions from as many pings, saw ${check.newSessionPerPing}`);
  }
}
const py = medians(theirs);
console.log(`both sides: the same session (${JSON.stringify(session)}), a new session id for every ping, the same ads`);
for (const e of entries) {
  const m = medians(ours[e]);
  for (const [key, label] of Object.entries(METRICS)) console.log(opRatioLine(`${label} [${e}]`, m[key], py[key]));
}
