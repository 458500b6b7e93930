// Browsers: operations reach daemons through the WebSocket proxy. Not wired yet: the proxy's
// address and token come with the pool configuration.
import { HTCondorIOError } from '../src/errors.js';
import type { Transport } from './transport.js';

export type { Connection, ConnectionEvents, Transport } from './transport.js';

export const defaultTransport: Transport = {
  connect() {
    throw new HTCondorIOError('htcondor-wasm: browsers reach daemons through the WebSocket proxy, which is not configured yet');
  },
};
