// Browsers: the core host runs in a module Web Worker. The bundle ships worker.js beside this file.
import type { WorkerHandle } from '../core/worker-client.js';

export function spawnCoreWorker(): WorkerHandle {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'htcondor-wasm core' });
  return {
    endpoint: worker,
    hold: () => {},
    onExit: (listener) => {
      worker.addEventListener('error', (event) => listener(new Error(event.message || 'worker failed to load')), { once: true });
    },
  };
}
