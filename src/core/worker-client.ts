import * as Comlink from 'comlink';

import { HTCondorInternalError } from '../errors.js';
import './error-transfer.js';
import type { CoreConnection, CorePort } from './port.js';

/** What the platform layer gives for a started worker (Node worker_threads or a Web Worker). */
export interface WorkerHandle {
  readonly endpoint: Comlink.Endpoint;
  /** Keep the process alive (Node) while `active`; a no-op on the web. */
  hold(active: boolean): void;
  /** Called once if the worker errors out or exits. */
  onExit(listener: (reason: Error) => void): void;
}

/**
 * Talks to the core host in a worker. Calls that are pending when the worker dies are
 * rejected with HTCondorInternalError instead of waiting forever, and the process is only
 * kept alive while a call is in flight.
 */
export function connectWorker(handle: WorkerHandle): CoreConnection {
  const remote = Comlink.wrap<Record<string, (...args: unknown[]) => Promise<unknown>>>(handle.endpoint);
  const inFlight = new Set<(reason: Error) => void>();
  let dead: Error | undefined;

  handle.onExit((reason) => {
    dead = new HTCondorInternalError(`htcondor-wasm: the core worker stopped: ${reason.message}`);
    for (const reject of inFlight) reject(dead);
    inFlight.clear();
    handle.hold(false);
  });

  const call = (method: string, args: unknown[]): Promise<unknown> => {
    if (dead) return Promise.reject(dead);
    return new Promise((resolve, reject) => {
      inFlight.add(reject);
      if (inFlight.size === 1) handle.hold(true);
      remote[method]!(...args)
        .then(resolve, reject)
        .finally(() => {
          inFlight.delete(reject);
          if (inFlight.size === 0 && !dead) handle.hold(false);
        });
    });
  };

  const port = new Proxy({} as CorePort, {
    // 'then' stays undefined so the port is never mistaken for a promise.
    get: (_, method) => (typeof method === 'string' && method !== 'then' ? (...args: unknown[]) => call(method, args) : undefined),
  });
  return { port, alive: () => dead === undefined };
}
