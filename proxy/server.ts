import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';

import { WebSocketServer, type WebSocket } from 'ws';

import { parseAllowRule } from './allow-list.js';
import { checkClient, PROTOCOL, type ClientAuth } from './client-auth.js';
import { CloseCode } from './close-codes.js';
import { Usage, type Limits } from './limits.js';
import { listenForBrowsers } from './listen.js';
import { silent, type Logger } from './log.js';
import { maxMessageSize } from './mux-protocol.js';
import { closeSocket, serveSession, type SessionContext } from './mux-session.js';

export interface ProxyOptions {
  /** Targets clients may reach, as `HOST:PORTS` rules (see parseAllowRule). Default: none. */
  readonly allow?: readonly string[];
  /** Address to listen on. Default 127.0.0.1. */
  readonly host?: string;
  /** Port to listen on; 0 picks a free one that browsers connect to (not a Fetch "bad port"). Default 0. */
  readonly port?: number;
  /** Streams open in total (WebSockets too). Default 256. */
  readonly maxConnections?: number;
  /** Streams open per client address (WebSockets too). Default 32. */
  readonly maxConnectionsPerClient?: number;
  /** Each stream's window, the bytes buffered per direction of a stream (flow control), and what one WebSocket may queue before the proxy stops reading for it. Default 1 MiB + 64 KiB (one CEDAR packet and change). */
  readonly maxBufferedBytes?: number;
  /** A stream with no traffic, or a WebSocket with no stream, for this long is closed. Default 10 minutes. */
  readonly idleTimeoutMs?: number;
  /** How long to wait for the target's TCP connect. Default 10 s. */
  readonly connectTimeoutMs?: number;
  readonly log?: Logger;
  /** Bearer tokens clients must present (see client-auth.ts). Default: none required. */
  readonly tokens?: readonly string[];
  /** Browser origins allowed to connect. Default: any. */
  readonly origins?: readonly string[];
  /** Serve wss:// with this certificate and key (PEM). */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
}

export interface RunningProxy {
  /** `ws://host:port/` (or wss://): clients open one WebSocket here and their streams over it. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes every WebSocket (code 1001). */
  close(): Promise<void>;
}

/**
 * A WebSocket-to-TCP relay that refuses by default: each client WebSocket carries many TCP
 * streams (mux-protocol.ts), each checked against the allow-list and the limits on its own.
 */
export async function startProxy(options: ProxyOptions = {}): Promise<RunningProxy> {
  const limits: Limits = {
    total: options.maxConnections ?? 256,
    perClient: options.maxConnectionsPerClient ?? 32,
    buffered: options.maxBufferedBytes ?? 1024 * 1024 + 64 * 1024,
    idleMs: options.idleTimeoutMs ?? 10 * 60_000,
    connectMs: options.connectTimeoutMs ?? 10_000,
  };
  // The window travels as a u32 in HELLO.
  if (!Number.isInteger(limits.buffered) || limits.buffered < 1 || limits.buffered > 0xffffffff) {
    throw new RangeError(`maxBufferedBytes ${limits.buffered} is not a whole number of bytes from 1 to 4294967295`);
  }
  const context: SessionContext = {
    rules: (options.allow ?? []).map(parseAllowRule),
    limits,
    log: options.log ?? silent,
    streams: new Usage(limits),
  };
  const { log } = context;
  const sockets = new Usage(limits);
  const open = new Set<WebSocket>();

  const auth: ClientAuth = { ...(options.tokens && { tokens: options.tokens }), ...(options.origins && { origins: options.origins }) };
  const answer = (_: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(426, { 'content-type': 'text/plain', connection: 'close' }).end('WebSocket only\n');
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, answer) : http.createServer(answer);
  // The token may travel as a subprotocol; the proxy answers with its own protocol name only.
  const wss = new WebSocketServer({
    server,
    maxPayload: maxMessageSize(limits.buffered),
    handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
  });

  // ws hands on the HTTP server's errors (a port already in use, a failed accept); unheard, they
  // would end the process. A failed listen still rejects startProxy.
  wss.on('error', (error) => log({ event: 'server-error', reason: error.message }));

  wss.on('connection', (ws, req) => {
    const client = req.socket.remoteAddress ?? 'unknown';
    // ws reports a client that breaks WebSocket itself (a message over maxPayload, a bad frame)
    // as an error event and closes; unheard, the event would end the process.
    ws.on('error', (error) => log({ event: 'client-error', client, reason: error.message }));
    // Browsers see close codes and reasons only on an accepted WebSocket, so refusals are
    // closes after the upgrade, not HTTP errors.
    const refuse = (code: CloseCode, reason: string) => {
      log({ event: 'refused', client, code, reason });
      closeSocket(ws, code, reason);
    };
    const refusal = checkClient(auth, req);
    if (refusal === 'origin') return refuse(CloseCode.OriginNotAllowed, `origin ${req.headers.origin ?? ''} is not allowed by this proxy`);
    if (refusal === 'token') return refuse(CloseCode.Unauthorized, 'a valid bearer token is required');
    if (!sockets.acquire(client)) return refuse(CloseCode.TooManyConnections, 'too many connections');
    open.add(ws);
    ws.once('close', () => {
      open.delete(ws);
      sockets.release(client);
    });
    log({ event: 'connected', client });
    serveSession(ws, client, context);
  });

  await listenForBrowsers(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const bound = server.address() as net.AddressInfo;
  const url = `${options.tls ? 'wss' : 'ws'}://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}/`;
  log({ event: 'listening', url, rules: context.rules.map((r) => r.text).join(' ') || 'none (refuses every target)' });

  return {
    url,
    port: bound.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of open) closeSocket(ws, CloseCode.GoingAway, 'proxy shutting down');
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
