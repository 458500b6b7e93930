// Benchmark: the same Collector.query over direct TCP and through the WebSocket proxy
// (htcondor-wasm/proxy, started in this process, allowed to reach only the collector), side by
// side on loopback, in alternating blocks of 20 of each, so both see the same machine state.
// Target: through the proxy at most 1.2x the direct time.
//   resumed, all ads   query(AdTypes.Any) on the cached security session;
//   resumed, small     query(AdTypes.Collector, "true", ["Name"]): the per-connection overhead
//                      at its most visible;
//   new session        invalidateAllSessions() then query(AdTypes.Any): handshake included.
// Each query opens its own TCP connection (as HTCondor's clients do); through the proxy that is
// a stream on the one WebSocket the library keeps to the proxy (opened by the warm-up), and the
// proxy's own TCP connection to the collector.
// The library's WebSocket client in Node is the `ws` package, the proxy's own (worker/websocket.ts).
//   node bench/wire/proxy.mjs [N=200] [--rounds=3] [--entry=both|worker|inthread]
import { startProxy } from 'htcondor-wasm/proxy';

import { cpuNow, ENTRIES, loadNote, median, ms, parseArgs, testPool } from '../lib/wire.mjs';

const { n, rounds, entries } = parseArgs(process.argv.slice(2), { n: 200 });
const BLOCK = 20;
if (n % BLOCK) throw new Error(`N must be a multiple of ${BLOCK}`);
const pool = testPool();

const proxy = await startProxy({ allow: [pool.collector] });
console.log(`${n} of each query per round, direct and proxied in alternating blocks of ${BLOCK}, ${rounds} rounds (medians), collector ${pool.collector}, proxy ${proxy.url}, Node ${process.versions.node}; ${loadNote()}`);

/** The variants: each returns what it saw (to check both paths return the same). */
function variants(htcondor, direct, proxied, security) {
  const names = async (collector, adType, projection) => {
    const ads = await collector.query(adType, 'true', projection);
    const seen = ads.map((ad) => `${ad.get('MyType')}/${ad.get('Name')}`).sort().join(',');
    for (const ad of ads) ad.dispose();
    return seen;
  };
  return {
    'resumed session, query(AdTypes.Any), all ads': (c) => names(c, htcondor.AdTypes.Any),
    'resumed session, small query (Collector ad, Name)': (c) => names(c, htcondor.AdTypes.Collector, ['Name']),
    'new session each, query(AdTypes.Any)': async (c) => {
      await security.invalidateAllSessions();
      return names(c, htcondor.AdTypes.Any);
    },
  };
}

async function round(lib) {
  const { htcondor } = lib;
  const security = new htcondor.SecMan();
  security.setToken(pool.token);
  const direct = new htcondor.Collector(pool.collector, { security });
  const proxied = new htcondor.Collector(pool.collector, { security, proxy: proxy.url });
  const out = {};
  for (const [name, run] of Object.entries(variants(htcondor, direct, proxied, security))) {
    const time = { direct: { wall: 0, cpu: 0 }, proxied: { wall: 0, cpu: 0 } };
    const once = async (which, collector, count) => {
      const cpu = cpuNow();
      const start = performance.now();
      const seen = await run(collector);
      if (count) {
        time[which].wall += performance.now() - start;
        time[which].cpu += cpuNow() - cpu;
      }
      return seen;
    };
    // Blocks of each in turn, alternating which goes first: work a command leaves behind (the
    // proxy's side of a stream's end runs after the client has its answer) is then charged to
    // the next command of its own kind, not to one of the other.
    const warmup = BLOCK;
    for (let i = 0; i < warmup + n; i += BLOCK) {
      const count = i >= warmup;
      const order = (i / BLOCK) % 2 ? [['proxied', proxied], ['direct', direct]] : [['direct', direct], ['proxied', proxied]];
      const seen = [];
      for (const [which, collector] of order) for (let j = 0; j < BLOCK; j++) seen.push(await once(which, collector, count));
      if (new Set(seen).size !== 1) throw new Error(`${name}: direct and proxied queries saw different ads:\n${[...new Set(seen)].join('\n')}`);
    }
    out[name] = { direct: { wall: time.direct.wall / n, cpu: time.direct.cpu / n }, proxied: { wall: time.proxied.wall / n, cpu: time.proxied.cpu / n } };
  }
  return out;
}

try {
  const libs = Object.fromEntries(await Promise.all(entries.map(async (e) => [e, await ENTRIES[e]()])));
  const results = Object.fromEntries(entries.map((e) => [e, []]));
  for (let r = 0; r < rounds; r++) for (const e of entries) results[e].push(await round(libs[e]));
  for (const e of entries) {
    for (const name of Object.keys(results[e][0])) {
      const pick = (which, what) => median(results[e].map((r) => r[name][which][what]));
      const ratio = median(results[e].map((r) => r[name].proxied.wall / r[name].direct.wall));
      console.log(`${name} [${e}]: direct TCP ${ms(pick('direct', 'wall'))} ms/op (cpu ${ms(pick('direct', 'cpu'))}), ` +
        `through the proxy ${ms(pick('proxied', 'wall'))} ms/op (cpu ${ms(pick('proxied', 'cpu'))}, proxy included), ratio ${ratio.toFixed(2)}x`);
    }
  }
} finally {
  await proxy.close();
}
