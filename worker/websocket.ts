// Node, Deno and Bun: the WebSocket class for the proxy transport. In Node it is the `ws` package
// (already the proxy's): Node's own client (undici's, global from Node 22) cost a small command
// through the proxy 0.1-0.16 ms more CPU, measured side by side. Deno and Bun have native ones.
import { WebSocket as WsWebSocket } from 'ws';

import { isNode } from './runtime-kind.js';

export const WebSocketClass: typeof WebSocket =
  isNode || globalThis.WebSocket === undefined ? (WsWebSocket as unknown as typeof WebSocket) : globalThis.WebSocket;

/** How long a WebSocket to the proxy stays open without streams: an open one keeps a script running. */
export const IDLE_LINGER_MS = 1000;
