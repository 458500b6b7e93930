// Operations through the WebSocket proxy (htcondor-wasm/proxy): each connection the core opens
// is a stream on one WebSocket per proxy and token, opened when first needed and again after it
// closes. The proxy only relays: HTCondor's security still runs end to end from the core to the
// daemon.
import { ProxySocket } from './proxy-socket.js';
import type { Transport } from './transport.js';

export interface ProxySettings {
  readonly url: string;
  readonly token?: string;
}

const sockets = new Map<string, ProxySocket>();

export function websocketTransport(proxy: ProxySettings): Transport {
  const key = JSON.stringify([proxy.url, proxy.token ?? '']);
  return {
    connect(host, port, events) {
      let socket = sockets.get(key);
      if (!socket?.usable) {
        const created = new ProxySocket(proxy.url, proxy.token, () => {
          if (sockets.get(key) === created) sockets.delete(key);
        });
        sockets.set(key, created);
        socket = created;
      }
      return socket.open(host, port, events);
    },
  };
}
