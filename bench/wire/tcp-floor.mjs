// Benchmark: what each runtime pays for one short TCP exchange on loopback, with no HTCondor
// in it: connect, write a request, read the answer, close, in the sizes of a resumed small
// Collector query (485 bytes out, 119 back). Node's `net` (what htcondor-wasm's transport
// uses in Node) against Python's `socket` module (a floor above that of the Python bindings'
// C++ sockets), both against the same server in a process of its own. The ratio is the part
// of a single small command's ratio (bench/wire/handshake.mjs) that the runtime's socket
// layer sets before any of the library's own work.
//   node bench/wire/tcp-floor.mjs [N=2000] [--rounds=3]
import { spawn } from 'node:child_process';
import net from 'node:net';

import { runPython } from '../lib/python-peer.mjs';
import { loadNote, medians, ms, parseArgs, PYTHON_TIMING, timeOps } from '../lib/wire.mjs';

const REQUEST = 485;
const ANSWER = 119;
const { n, rounds } = parseArgs(process.argv.slice(2), { n: 2000 });

// The server answers each request once it has all of it, then closes, as a collector does.
const SERVER = `
const net = require('node:net');
const server = net.createServer({ noDelay: true }, (socket) => {
  let got = 0;
  socket.on('data', (chunk) => {
    got += chunk.length;
    if (got >= ${REQUEST}) socket.end(Buffer.alloc(${ANSWER}, 1));
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

const request = Buffer.alloc(REQUEST, 2);

// As worker/transport.ts does: no delay, write on connect, close once the answer is in.
function exchange(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setNoDelay(true);
    let got = 0;
    socket.once('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      got += chunk.length;
      if (got >= ANSWER) {
        socket.end(() => socket.destroy());
        resolve();
      }
    });
    socket.once('error', reject);
  });
}

const python = `${PYTHON_TIMING}
import json, socket, sys
port, n = json.loads(sys.stdin.read())
request = bytes(${REQUEST})
def exchange():
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.sendall(request)
    got = 0
    while got < ${ANSWER}:
        chunk = s.recv(65536)
        if not chunk:
            raise RuntimeError("closed early")
        got += len(chunk)
    s.close()
print(json.dumps(measure(exchange, n)))
`;

console.log(`${n} exchanges per round, ${rounds} rounds (medians); ${loadNote()}`);
const server = await startServer();
try {
  const ours = [];
  const theirs = [];
  for (let r = 0; r < rounds; r++) {
    ours.push({ exchange: await timeOps(() => exchange(server.port), n) });
    theirs.push({ exchange: runPython(python, JSON.stringify([server.port, n])) });
  }
  const a = medians(ours).exchange;
  const b = medians(theirs).exchange;
  console.log(
    `one TCP exchange (connect, ${REQUEST} bytes out, ${ANSWER} back, close): Node net ${ms(a.wall)} ms (cpu ${ms(a.cpu)}), ` +
      `Python socket ${ms(b.wall)} ms (cpu ${ms(b.cpu)}), ratio ${(a.wall / b.wall).toFixed(2)}x`,
  );
} finally {
  server.stop();
}
