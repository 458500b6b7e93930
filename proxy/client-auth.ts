import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may use the proxy. Browsers cannot set headers on a WebSocket, so a client presents its
 * bearer token either as `Authorization: Bearer <token>` or as a WebSocket subprotocol
 * `bearer.<token>` next to `htcondor-wasm` (the one the proxy then selects). Tokens are never
 * logged. Origins, when listed, must match a browser's Origin header exactly.
 */
export interface ClientAuth {
  readonly tokens?: readonly string[];
  readonly origins?: readonly string[];
}

export const PROTOCOL = 'htcondor-wasm';
const BEARER = 'bearer.';

export type AuthRefusal = 'token' | 'origin' | undefined;

/** Why a request is refused, or undefined when it is let through. */
export function checkClient(auth: ClientAuth, req: IncomingMessage): AuthRefusal {
  const origin = req.headers.origin;
  if (auth.origins?.length && origin !== undefined && !auth.origins.includes(origin)) return 'origin';
  if (!auth.tokens?.length) return undefined;
  const presented = presentedToken(req);
  return presented !== undefined && auth.tokens.some((t) => sameSecret(t, presented)) ? undefined : 'token';
}

function presentedToken(req: IncomingMessage): string | undefined {
  const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (header) return header[1];
  const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  return protocols.find((p) => p.startsWith(BEARER))?.slice(BEARER.length);
}

// Compares without leaking, through timing, how much of a token was right.
function sameSecret(expected: string, presented: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
