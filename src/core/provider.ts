import type { CoreConnection, CorePort } from './port.js';

// Each entry point (worker-backed, in-thread) is its own bundle and installs its own way to
// start a host; the API modules only ever ask `core()`.
let start: (() => CoreConnection) | undefined;
let current: CoreConnection | undefined;

export function installCore(factory: () => CoreConnection): void {
  start = factory;
  current = undefined;
}

/** The core host, started on first use and restarted if its worker died. */
export function core(): CorePort {
  if (!start) throw new Error('htcondor-wasm: no core installed (import the package through an entry point)');
  if (!current || !current.alive()) current = start();
  return current.port;
}
