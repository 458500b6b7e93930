/**
 * Close codes the proxy uses, with a reason text on every close: on a stream (CLOSE frames,
 * mux-protocol.ts) and on the WebSocket itself. The standard codes mean what RFC 6455 and the
 * IANA registry say; 4xxx are the proxy's own.
 */
export const CloseCode = {
  /** Stream: the target closed the connection normally. */
  Normal: 1000,
  /** WebSocket: the proxy is shutting down. */
  GoingAway: 1001,
  /** WebSocket: a frame broke the stream protocol. */
  ProtocolError: 1002,
  /** Stream: the target is not on the allow-list. */
  PolicyViolation: 1008,
  /** WebSocket: something failed inside the proxy. */
  InternalError: 1011,
  /** Stream: the target could not be reached, or reset the connection. */
  BadGateway: 1014,
  /** WebSocket: the client presented no valid bearer token. */
  Unauthorized: 4401,
  /** WebSocket: the browser's Origin is not on the proxy's list. */
  OriginNotAllowed: 4403,
  /** Stream: OPEN named no usable target (`HOST:PORT`). */
  BadTarget: 4400,
  /** Stream or WebSocket: too many open, in total or from this client. */
  TooManyConnections: 4429,
  /** Stream or WebSocket: no traffic for longer than the idle timeout (a WebSocket: no stream). */
  IdleTimeout: 4408,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** A close reason cut, at a character boundary, to the 123 bytes a WebSocket close frame can carry. */
export function fitReason(reason: string): string {
  const utf8 = new TextEncoder();
  while (utf8.encode(reason).length > 123) reason = reason.slice(0, -1);
  return reason;
}
