// Shared by the wire benchmarks (bench/wire/*.mjs): the test pool's coordinates, the library
// entries, timing loops on both sides (htcondor-wasm here, HTCondor's Python bindings in the
// pool's root), and the report lines. Times are taken inside each process after a warm-up,
// so neither side's start-up is counted; each side reports wall time and its process's CPU
// time (user + system) per operation.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const projectDir = path.resolve(import.meta.dirname, '../..');

/** The running test pool (scripts/pool.sh start writes .cache/pool/pool.env). */
export function testPool() {
  let text;
  try {
    text = readFileSync(path.join(projectDir, '.cache/pool/pool.env'), 'utf8');
  } catch {
    throw new Error('no test pool: run scripts/pool.sh start first');
  }
  const env = Object.fromEntries(text.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return {
    /** host:port, as both sides are given it. */
    collector: env.COLLECTOR_HOST,
    /** The same, as a sinful string (what ping takes). */
    sinful: `<${env.COLLECTOR_HOST}>`,
    user: env.TEST_USER,
    identity: env.TEST_IDENTITY,
    domain: env.TEST_IDENTITY.split('@')[1],
    token: readFileSync(path.join(projectDir, env.TOKEN_FILE), 'utf8').trim(),
  };
}

/** A token for the pool's own daemon identity (ALLOW_DAEMON, needed to advertise), minted with the pool's key. */
export function daemonToken(pool) {
  return execFileSync(path.join(projectDir, 'scripts/in-root.sh'), ['condor_token_create', '-identity', `condor@${pool.domain}`], {
    encoding: 'utf8',
    env: { ...process.env, ROOT_SUITE: 'trixie' },
  }).trim();
}

/**
 * The library entries a benchmark can run: `worker` is the package's main entry (the core in a
 * worker_threads worker, calls over Comlink: what `import 'htcondor-wasm'` gives); `inthread`
 * runs the core in this thread (`htcondor-wasm/inthread`, as the ClassAd benchmark does).
 */
export const ENTRIES = {
  worker: () => import('htcondor-wasm'),
  inthread: () => import('htcondor-wasm/inthread'),
};

/** `[N] [more positionals] [--rounds=3] [--entry=both|worker|inthread] [--name=value ...]` */
export function parseArgs(argv, defaults) {
  const positional = argv.filter((a) => !a.startsWith('--'));
  const named = Object.fromEntries(argv.filter((a) => a.startsWith('--')).map((a) => {
    const [k, v] = a.slice(2).split(/=(.*)/s);
    return [k, v ?? 'true'];
  }));
  const entry = named.entry ?? 'both';
  const entries = entry === 'both' ? ['worker', 'inthread'] : [entry];
  for (const e of entries) if (!ENTRIES[e]) throw new Error(`--entry must be worker, inthread or both, not ${e}`);
  return {
    n: Number(positional[0] ?? defaults.n),
    rounds: Number(named.rounds ?? defaults.rounds ?? 3),
    entries,
    named,
  };
}

/** ms of CPU (user + system) this process has used. */
export function cpuNow() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs `fn` `warmup` times, then `n` times; per operation: wall ms and process CPU ms. */
export async function timeOps(fn, n, warmup = Math.max(5, Math.ceil(n / 10))) {
  for (let i = 0; i < warmup; i++) await fn();
  const cpu = cpuNow();
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return { wall: (performance.now() - start) / n, cpu: (cpuNow() - cpu) / n };
}

/** The same loop in Python: paste into a peer script, call `measure(fn, n)`. */
export const PYTHON_TIMING = `
import time
def measure(fn, n, warmup=None):
    for _ in range(warmup if warmup is not None else max(5, -(-n // 10))):
        fn()
    cpu = time.process_time()
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return {"wall": (time.perf_counter() - start) * 1000 / n, "cpu": (time.process_time() - cpu) * 1000 / n}
`;

/**
 * The start of every peer script: HTCondor's Python bindings, told to authenticate with
 * IDTOKENS only (the shipped configuration would pick FS for a local tool, which htcondor-wasm
 * does not have), so both sides present the same token (the test user's, in its tokens.d).
 */
export const PYTHON_PRELUDE = `
import os, sys, json
os.environ["_CONDOR_SEC_CLIENT_AUTHENTICATION_METHODS"] = "IDTOKENS"
import htcondor, classad
${PYTHON_TIMING}
`;

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Per metric, the median over rounds of wall and CPU ms per operation. */
export function medians(rounds) {
  const out = {};
  for (const key of Object.keys(rounds[0])) {
    out[key] = { wall: median(rounds.map((r) => r[key].wall)), cpu: median(rounds.map((r) => r[key].cpu)) };
  }
  return out;
}

export const ms = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** One line: both sides' ms per operation (wall, and CPU in parentheses) and the wall-time ratio. */
export function opRatioLine(name, ours, theirs) {
  return `${name}: htcondor-wasm ${ms(ours.wall)} ms/op (cpu ${ms(ours.cpu)}), ` +
    `HTCondor Python bindings ${ms(theirs.wall)} ms/op (cpu ${ms(theirs.cpu)}), ratio ${(ours.wall / theirs.wall).toFixed(2)}x`;
}

/** Throws when the two sides did not compute the same thing. */
export function sameResult(what, ours, theirs) {
  const a = JSON.stringify(ours);
  const b = JSON.stringify(theirs);
  if (a !== b) throw new Error(`${what}: the results differ: htcondor-wasm ${a.slice(0, 500)}, Python ${b.slice(0, 500)}`);
}

/** Disposes the ads a query returned (the WASM handles), as a loop that keeps none must. */
export function disposeAll(ads) {
  for (const ad of ads) ad.dispose();
}

/** The machine's load when the run started: above ~0.5 on 2 cores, other work (builds, fuzzers) competes and figures are noisy. */
export function loadNote() {
  return `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`;
}
