// Browsers: no direct TCP. Operations reach daemons through the WebSocket proxy, which the
// caller names (e.g. new Collector(pool, { proxy })).
import { HTCondorIOError } from '../src/errors.js';
import type { Transport } from './transport.js';

export type { Connection, ConnectionEvents, Transport } from './transport.js';

export const defaultTransport: Transport = {
  connect() {
    throw new HTCondorIOError('htcondor-wasm: browsers reach daemons through the WebSocket proxy: pass { proxy: "wss://..." }');
  },
};
