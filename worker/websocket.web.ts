// Browsers: their own WebSocket.
export const WebSocketClass: typeof WebSocket = WebSocket;

/** How long a WebSocket to the proxy stays open without streams, for a page's next command. */
export const IDLE_LINGER_MS = 10_000;
