// Operations through the WebSocket proxy (htcondor-wasm/proxy): one WebSocket per TCP
// connection, `?target=HOST:PORT`, binary messages both ways; the bearer token, if any, goes
// as a subprotocol since browsers cannot set headers. The proxy only relays: HTCondor's
// security still runs end to end from the core to the daemon.
import type { Transport } from './transport.js';
import { WebSocketClass } from './websocket.js';

export interface ProxySettings {
  readonly url: string;
  readonly token?: string;
}

export function websocketTransport(proxy: ProxySettings): Transport {
  return {
    connect(host, port, events) {
      const url = new URL(proxy.url);
      url.searchParams.set('target', `${host.includes(':') ? `[${host}]` : host}:${port}`);
      const protocols = ['htcondor-wasm', ...(proxy.token ? [`bearer.${proxy.token}`] : [])];
      const ws = new WebSocketClass(url, protocols);
      ws.binaryType = 'arraybuffer';
      let open = false;
      ws.onopen = () => {
        open = true;
        events.connected();
      };
      ws.onmessage = (event) => events.data(new Uint8Array(event.data as ArrayBuffer));
      // The proxy refuses with a close code and reason, after the WebSocket opened.
      ws.onclose = (event) => {
        if (event.code === 1000 || event.code === 1005) events.closed();
        else events.failed(`the proxy closed the connection to ${host}:${port}: ${event.reason || `code ${event.code}`}`);
      };
      ws.onerror = () => {
        if (!open) events.failed(`cannot reach the proxy at ${proxy.url}`);
      };
      return { send: (bytes) => ws.send(bytes as Uint8Array<ArrayBuffer>), close: () => ws.close(1000) };
    },
  };
}
