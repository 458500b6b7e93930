/**
 * WebSocket close codes the proxy uses, with a reason text on every close. The standard codes
 * mean what RFC 6455 and the IANA registry say; 4xxx are the proxy's own.
 */
export const CloseCode = {
  /** The TCP peer closed the connection normally. */
  Normal: 1000,
  /** The proxy is shutting down. */
  GoingAway: 1001,
  /** The request broke the proxy's policy: a target not on the allow-list. */
  PolicyViolation: 1008,
  /** Something failed inside the proxy. */
  InternalError: 1011,
  /** The target could not be reached, or reset the connection. */
  BadGateway: 1014,
  /** The client presented no valid bearer token. */
  Unauthorized: 4401,
  /** The browser's Origin is not on the proxy's list. */
  OriginNotAllowed: 4403,
  /** The request named no usable target (`?target=HOST:PORT`). */
  BadTarget: 4400,
  /** Too many connections, in total or from this client. */
  TooManyConnections: 4429,
  /** No traffic either way for longer than the idle timeout. */
  IdleTimeout: 4408,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
