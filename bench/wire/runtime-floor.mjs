// Benchmark: what each runtime pays for HTCondor's exchanges on loopback with no HTCondor in
// them, the floor under a single small command's ratio (bench/wire/handshake.mjs):
//   query      connect, write, read the answer, close, in the sizes of a resumed small
//              Collector query (485 bytes out, 119 back);
//   handshake  the four exchanges of a new session on one connection, in a ping's sizes
//              (ECDH and the methods, the method choice, the token, the session's key).
// Node's `net`, reading as worker/transport.ts does (`onread` into one buffer, no delay, close
// once the answer is in), against Python's `socket` module (a floor above that of the Python
// bindings' C++ sockets), both against the same server in a process of its own.
// Then what the worker entry adds to every command on top: a worker_threads round trip of a
// small answer, bare and over Comlink (as the library's worker serves its host). The Python
// bindings have no such crossing, so its row prints a share of their one query exchange.
//   node bench/wire/runtime-floor.mjs [N=2000] [--rounds=3]
import { spawn } from 'node:child_process';
import net from 'node:net';
import { Worker } from 'node:worker_threads';

import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

import { runPython } from '../lib/python-peer.mjs';
import { loadNote, medians, ms, parseArgs, PYTHON_TIMING, timeOps } from '../lib/wire.mjs';

// [bytes out, bytes back] per exchange, as seen on the wire against the test pool's collector.
const PATTERNS = {
  query: [[485, 119]],
  handshake: [[687, 537], [13, 13], [462, 615], [327, 391]],
};
const { n, rounds } = parseArgs(process.argv.slice(2), { n: 2000 });

// The server answers each request once it has all of it and closes after the last answer, as a
// collector does. A connection's first byte names its pattern.
const SERVER = `
const net = require('node:net');
const patterns = ${JSON.stringify(Object.values(PATTERNS))};
const server = net.createServer({ noDelay: true }, (socket) => {
  let steps, step = 0, got = 0, want = 0;
  socket.on('data', (chunk) => {
    steps ??= patterns[chunk[0]];
    got += chunk.length;
    while (step < steps.length && got >= want + steps[step][0]) {
      want += steps[step][0];
      const answer = Buffer.alloc(steps[step][1], 1);
      if (++step === steps.length) socket.end(answer); else socket.write(answer);
    }
  });
  socket.on('error', () => {});
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

function startServer() {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (line) => resolve({ port: Number(String(line).trim()), stop: () => child.kill() }));
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
}

const readBuffer = Buffer.alloc(64 * 1024);

function exchanges(port, index, steps) {
  const requests = steps.map(([out]) => Buffer.alloc(out, index));
  return new Promise((resolve, reject) => {
    let step = 0;
    let got = 0;
    const socket = net.connect({
      host: '127.0.0.1',
      port,
      onread: {
        buffer: readBuffer,
        callback: (bytes) => {
          got += bytes;
          if (got < steps[step][1]) return true;
          got = 0;
          if (++step < steps.length) socket.write(requests[step]);
          else {
            socket.end(() => socket.destroy());
            resolve();
          }
          return true;
        },
      },
    });
    socket.setNoDelay(true);
    socket.once('connect', () => socket.write(requests[0]));
    socket.once('error', reject);
  });
}

const python = `${PYTHON_TIMING}
import json, socket, sys
port, patterns, n = json.loads(sys.stdin.read())
def exchanges(index, steps):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for out, back in steps:
        s.sendall(bytes([index]) * out)
        got = 0
        while got < back:
            chunk = s.recv(65536)
            if not chunk:
                raise RuntimeError("closed early")
            got += len(chunk)
    s.close()
print(json.dumps({name: measure(lambda: exchanges(i, steps), n) for i, (name, steps) in enumerate(patterns)}))
`;

async function workerRoundTrip(mode) {
  const worker = new Worker(new URL('../lib/echo-worker.mjs', import.meta.url), { workerData: { mode } });
  await new Promise((resolve) => worker.once('online', resolve));
  let call;
  if (mode === 'bare') {
    const pending = new Map();
    let id = 0;
    worker.on('message', (message) => {
      pending.get(message.id)(message.value);
      pending.delete(message.id);
    });
    call = (...args) => new Promise((resolve) => {
      pending.set(++id, resolve);
      worker.postMessage({ id, args });
    });
  } else {
    const remote = Comlink.wrap(nodeEndpoint(worker));
    call = (...args) => remote.call(...args);
  }
  try {
    return await timeOps(() => call('<127.0.0.1:9618>', 'Collector', 'true', ['Name']), n);
  } finally {
    await worker.terminate();
  }
}

console.log(`${n} of each per round, ${rounds} rounds (medians); ${loadNote()}`);
const server = await startServer();
try {
  const ours = [];
  const theirs = [];
  for (let r = 0; r < rounds; r++) {
    const round = {};
    for (const [index, [name, steps]] of Object.entries(PATTERNS).entries()) round[name] = await timeOps(() => exchanges(server.port, index, steps), n);
    round.bare = await workerRoundTrip('bare');
    round.comlink = await workerRoundTrip('comlink');
    ours.push(round);
    theirs.push(runPython(python, JSON.stringify([server.port, Object.entries(PATTERNS), n])));
  }
  const a = medians(ours);
  const b = medians(theirs);
  const both = (x, y) => `Node net ${ms(x.wall)} ms (cpu ${ms(x.cpu)}), Python socket ${ms(y.wall)} ms (cpu ${ms(y.cpu)}), ratio ${(x.wall / y.wall).toFixed(2)}x`;
  const sizes = (steps) => steps.map(([out, back]) => `${out}/${back}`).join(', ');
  console.log(`query: one exchange (connect, ${sizes(PATTERNS.query)} bytes out/back, close): ${both(a.query, b.query)}`);
  console.log(`handshake: four exchanges on one connection (${sizes(PATTERNS.handshake)}): ${both(a.handshake, b.handshake)}`);
  for (const [key, what] of [['bare', 'bare messages'], ['comlink', 'over Comlink']]) {
    console.log(`worker round trip, ${what}: ${ms(a[key].wall)} ms (cpu ${ms(a[key].cpu)}, both threads), ${(100 * a[key].wall / b.query.wall).toFixed(0)}% of Python's query exchange`);
  }
} finally {
  server.stop();
}
