// The worker side of bench/wire/runtime-floor.mjs: answers each call with a small answer, either
// with bare worker_threads messages or served over Comlink as the library's worker is.
import { parentPort, workerData } from 'node:worker_threads';

import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

const answer = () => ({ bytes: new Uint8Array(119), ends: new Uint32Array([119]) });

if (workerData.mode === 'bare') {
  parentPort.on('message', ({ id }) => parentPort.postMessage({ id, value: answer() }));
} else {
  Comlink.expose({ call: async () => answer() }, nodeEndpoint(parentPort));
}
