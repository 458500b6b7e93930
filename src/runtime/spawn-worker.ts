// Node, Deno and Bun: the core host runs in a worker_threads worker.
import { Worker } from 'node:worker_threads';

import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

import type { WorkerHandle } from '../core/worker-client.js';

export function spawnCoreWorker(): WorkerHandle {
  // The bundle ships worker.js beside this file.
  const worker = new Worker(new URL('./worker.js', import.meta.url));
  worker.unref();
  return {
    endpoint: nodeEndpoint(worker),
    hold: (active) => (active ? worker.ref() : worker.unref()),
    onExit: (listener) => {
      let told = false;
      const tell = (reason: Error) => { if (!told) { told = true; listener(reason); } };
      worker.once('error', tell);
      worker.once('exit', (code) => tell(new Error(`exit code ${code}`)));
    },
  };
}
