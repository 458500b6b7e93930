import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

import { WebSocketServer, type RawData, type WebSocket } from 'ws';

import { isAllowed, parseAllowRule, type AllowRule } from './allow-list.js';
import { checkClient, PROTOCOL, type ClientAuth } from './client-auth.js';
import { CloseCode } from './close-codes.js';
import { silent, type Logger } from './log.js';
import { formatTarget, parseTarget, type Target } from './target.js';

export interface ProxyOptions {
  /** Targets clients may reach, as `HOST:PORTS` rules (see parseAllowRule). Default: none. */
  readonly allow?: readonly string[];
  /** Address to listen on. Default 127.0.0.1. */
  readonly host?: string;
  /** Port to listen on; 0 picks a free one. Default 0. */
  readonly port?: number;
  /** Open tunnels in total. Default 256. */
  readonly maxConnections?: number;
  /** Open tunnels per client address. Default 32. */
  readonly maxConnectionsPerClient?: number;
  /** Bytes buffered per direction of one tunnel before the sender is paused; also the largest WebSocket message. Default 1 MiB + 64 KiB (one CEDAR packet and change). */
  readonly maxBufferedBytes?: number;
  /** A tunnel with no traffic for this long is closed. Default 10 minutes. */
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
  /** `ws://host:port/` (or wss://): clients connect to `${url}?target=HOST:PORT`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes every tunnel (code 1001). */
  close(): Promise<void>;
}

/** A WebSocket-to-TCP relay, one WebSocket per TCP connection, that refuses by default. */
export async function startProxy(options: ProxyOptions = {}): Promise<RunningProxy> {
  const rules = (options.allow ?? []).map(parseAllowRule);
  const limits = {
    total: options.maxConnections ?? 256,
    perClient: options.maxConnectionsPerClient ?? 32,
    buffered: options.maxBufferedBytes ?? 1024 * 1024 + 64 * 1024,
    idleMs: options.idleTimeoutMs ?? 10 * 60_000,
    connectMs: options.connectTimeoutMs ?? 10_000,
  };
  const log = options.log ?? silent;
  const perClient = new Map<string, number>();
  const open = new Set<WebSocket>();

  const auth: ClientAuth = { ...(options.tokens && { tokens: options.tokens }), ...(options.origins && { origins: options.origins }) };
  const answer = (_: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(426, { 'content-type': 'text/plain', connection: 'close' }).end('WebSocket only\n');
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, answer) : http.createServer(answer);
  // The token may travel as a subprotocol; the proxy answers with its own protocol name only.
  const wss = new WebSocketServer({
    server,
    maxPayload: limits.buffered,
    handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
  });

  wss.on('connection', (ws, req) => {
    const client = req.socket.remoteAddress ?? 'unknown';
    // Browsers see close codes and reasons only on an accepted WebSocket, so refusals are
    // closes after the upgrade, not HTTP errors.
    ws.pause();
    const refusal = checkClient(auth, req);
    if (refusal === 'origin') {
      refuse(ws, client, undefined, CloseCode.OriginNotAllowed, `origin ${req.headers.origin ?? ''} is not allowed by this proxy`);
      return;
    }
    if (refusal === 'token') {
      refuse(ws, client, undefined, CloseCode.Unauthorized, 'a valid bearer token is required');
      return;
    }
    const count = perClient.get(client) ?? 0;
    if (open.size >= limits.total || count >= limits.perClient) {
      refuse(ws, client, undefined, CloseCode.TooManyConnections, 'too many connections');
      return;
    }
    open.add(ws);
    perClient.set(client, count + 1);
    ws.once('close', () => {
      open.delete(ws);
      const left = (perClient.get(client) ?? 1) - 1;
      if (left > 0) perClient.set(client, left);
      else perClient.delete(client);
    });
    const target = parseTarget(new URL(req.url ?? '/', 'ws://proxy').searchParams.get('target'));
    if (!target) {
      refuse(ws, client, undefined, CloseCode.BadTarget, 'no usable target: connect to ?target=HOST:PORT');
      return;
    }
    resolveAllowed(rules, target).then(
      (address) => {
        if (address === undefined) {
          refuse(ws, client, target, CloseCode.PolicyViolation, `target ${formatTarget(target)} is not allowed by this proxy`);
        } else if (ws.readyState === ws.OPEN) {
          tunnel(ws, client, target, address);
        }
      },
      (error: NodeJS.ErrnoException) =>
        refuse(ws, client, target, CloseCode.BadGateway, `cannot resolve ${target.host}: ${error.code ?? error.message}`),
    );
  });

  function refuse(ws: WebSocket, client: string, target: Target | undefined, code: CloseCode, reason: string): void {
    log({ event: 'refused', client, target: target && formatTarget(target), code, reason });
    closeSocket(ws, code, reason);
  }

  function tunnel(ws: WebSocket, client: string, target: Target, address: string): void {
    const name = formatTarget(target);
    const tcp = net.connect({ host: address, port: target.port });
    let up = 0;
    let down = 0;
    let closing = false;
    // `flush`: the client ended normally; bytes it sent that TCP has not taken yet still go out.
    const finish = (code: CloseCode, reason: string, flush = false) => {
      if (closing) return;
      closing = true;
      clearTimeout(idle);
      clearTimeout(connecting);
      if (flush) {
        tcp.end();
        setTimeout(() => tcp.destroy(), limits.connectMs).unref();
      } else {
        tcp.destroy();
      }
      closeSocket(ws, code, reason);
      log({ event: 'close', client, target: name, code, reason, bytesUp: up, bytesDown: down });
    };
    let idle = setTimeout(() => {}, 0);
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => finish(CloseCode.IdleTimeout, 'idle timeout'), limits.idleMs);
    };
    const connecting = setTimeout(() => finish(CloseCode.BadGateway, `target ${name}: connect timed out`), limits.connectMs);

    tcp.once('connect', () => {
      clearTimeout(connecting);
      touch();
      log({ event: 'open', client, target: name });
      ws.resume();
    });
    // Backpressure, target -> client: stop reading TCP while the WebSocket has too much queued.
    tcp.on('data', (chunk) => {
      down += chunk.length;
      touch();
      ws.send(chunk, { binary: true }, () => {
        if (tcp.isPaused() && ws.bufferedAmount < limits.buffered / 2) tcp.resume();
      });
      if (ws.bufferedAmount >= limits.buffered) tcp.pause();
    });
    tcp.once('end', () => finish(CloseCode.Normal, 'target closed the connection'));
    tcp.once('error', (error: NodeJS.ErrnoException) => finish(CloseCode.BadGateway, `target ${name}: ${error.code ?? error.message}`));
    tcp.once('close', () => finish(CloseCode.Normal, 'target closed the connection'));

    // Backpressure, client -> target: stop reading the WebSocket while TCP cannot take more.
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) {
        finish(CloseCode.PolicyViolation, 'only binary messages are relayed');
        return;
      }
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      up += bytes.length;
      touch();
      if (!tcp.write(bytes)) {
        ws.pause();
        tcp.once('drain', () => ws.resume());
      }
    });
    ws.once('close', () => finish(CloseCode.Normal, 'client closed the connection', true));
    ws.once('error', () => finish(CloseCode.InternalError, 'client connection failed'));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const bound = server.address() as net.AddressInfo;
  const url = `${options.tls ? 'wss' : 'ws'}://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}/`;
  log({ event: 'listening', url, rules: rules.map((r) => r.text).join(' ') || 'none (refuses every target)' });

  return {
    url,
    port: bound.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of open) ws.close(CloseCode.GoingAway, 'proxy shutting down');
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Closes with a reason. A paused socket would never read the client's answering close frame. */
function closeSocket(ws: WebSocket, code: CloseCode, reason: string): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.resume();
  ws.close(code, reason);
}

/** The first address of the target that the allow-list lets through, checked before connecting. */
async function resolveAllowed(rules: readonly AllowRule[], target: Target): Promise<string | undefined> {
  if (rules.length === 0) return undefined;
  const addresses = net.isIP(target.host) ? [target.host] : (await dns.lookup(target.host, { all: true })).map((a) => a.address);
  // Connect to the very address that was checked, so a changing DNS answer cannot slip past.
  return addresses.find((address) => isAllowed(rules, target.host, address, target.port));
}
