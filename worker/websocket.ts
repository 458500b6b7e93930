// Node, Deno and Bun: the WebSocket class for the proxy transport. Node before 22 has no global
// WebSocket; there the `ws` package (already the proxy's) provides the same API.
import { WebSocket as WsWebSocket } from 'ws';

export const WebSocketClass: typeof WebSocket = globalThis.WebSocket ?? (WsWebSocket as unknown as typeof WebSocket);

/** How long a WebSocket to the proxy stays open without streams: an open one keeps a script running. */
export const IDLE_LINGER_MS = 1000;
