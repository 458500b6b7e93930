// The worker's entry in Node, Deno and Bun (worker_threads): serves the core host over Comlink.
import { parentPort } from 'node:worker_threads';

import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

import '../src/core/error-transfer.js';
import { createCoreHost } from './host.js';
import { transferringRecords } from './transfer-results.js';

if (!parentPort) throw new Error('htcondor-wasm: worker.js must run as a worker thread');
Comlink.expose(transferringRecords(createCoreHost()), nodeEndpoint(parentPort));
