// Browsers: their own WebSocket.
export const WebSocketClass: typeof WebSocket = WebSocket;
