/**
 * htcondor-wasm: HTCondor's client libraries in WebAssembly. This entry runs the core in a
 * worker (worker_threads in Node, Deno and Bun; a Web Worker in browsers), so calls never
 * block the calling thread. Use `htcondor-wasm/inthread` from code that is already off the
 * main thread, or in scripts and CLIs.
 */
import { loadEngine } from './classad/engine.js';
import { installCore } from './core/provider.js';
import { loadCore } from '../worker/load-core.js';
import { connectWorker } from './core/worker-client.js';
import { spawnCoreWorker } from './runtime/spawn-worker.js';

installCore(() => connectWorker(spawnCoreWorker()));
// The classad module computes in this thread (no I/O): its engine loads before the API is used.
await loadEngine(loadCore);

export * from './api.js';
