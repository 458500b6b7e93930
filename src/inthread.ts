/**
 * htcondor-wasm, with the core in the current thread: the same API as the main entry, for
 * code already in a worker, CLIs, and Node/Deno/Bun scripts.
 */
import { loadEngine } from './classad/engine.js';
import { installCore } from './core/provider.js';
import { createCoreHost } from '../worker/host.js';
import { loadCore } from '../worker/load-core.js';

installCore(() => {
  const port = createCoreHost();
  return { port, alive: () => true };
});

await loadEngine(loadCore);

export * from './api.js';
