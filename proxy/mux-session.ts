// One client's WebSocket: the stream protocol (mux-protocol.ts) on the proxy's side. Every
// frame is checked; one that breaks the protocol closes the WebSocket with 1002, and nothing a
// client sends can throw out of here.
import type { RawData, WebSocket } from 'ws';

import type { AllowRule } from './allow-list.js';
import { CloseCode, fitReason } from './close-codes.js';
import type { Limits, Usage } from './limits.js';
import type { Logger } from './log.js';
import { Outbox } from './mux-outbox.js';
import { decodeMessage, encodeClose, encodeHello, FrameType, maxMessageSize, ProtocolViolation, type Frame } from './mux-protocol.js';
import { formatTarget, parseTarget } from './target.js';
import { Tunnel, type SessionLink } from './tunnel.js';

export interface SessionContext {
  readonly rules: readonly AllowRule[];
  readonly limits: Limits;
  readonly log: Logger;
  /** Streams open across every session. */
  readonly streams: Usage;
}

export function serveSession(ws: WebSocket, client: string, context: SessionContext): void {
  const { limits, log, streams } = context;
  const tunnels = new Map<number, Tunnel>();
  let lastId = 0;
  let congested = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  // A WebSocket with no stream for the idle timeout is closed.
  const idleCheck = () => {
    clearTimeout(idle);
    if (tunnels.size === 0 && ws.readyState === ws.OPEN) idle = setTimeout(() => closeSocket(ws, CloseCode.IdleTimeout, 'idle timeout'), limits.idleMs);
  };

  // Backpressure for the whole WebSocket: credit bounds each stream, but a client that does not
  // read at all must not make the proxy queue without end, so past the limit the proxy stops
  // reading both the targets and the client until the queue drains to half.
  const setCongested = (value: boolean) => {
    congested = value;
    if (value) ws.pause();
    else ws.resume();
    for (const tunnel of tunnels.values()) tunnel.updateReading();
  };
  const sent = () => {
    if (congested && ws.bufferedAmount < limits.buffered / 2) setCongested(false);
  };
  // Flushed after the event loop's I/O phase, so a target's last bytes and its end share a message.
  const outbox = new Outbox(maxMessageSize(limits.buffered), (flush) => setImmediate(flush), (message) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(message, sent);
    if (!congested && ws.bufferedAmount >= limits.buffered) setCongested(true);
  });
  const send = (frame: Uint8Array) => outbox.push(frame);
  const sendLater = (id: number, frame: Uint8Array) => outbox.pushLater(id, frame);

  const link: SessionLink = {
    client,
    rules: context.rules,
    limits,
    log,
    send,
    sendLater,
    get congested() {
      return congested;
    },
    ended(tunnel) {
      tunnels.delete(tunnel.id);
      streams.release(client);
      idleCheck();
    },
  };

  const refuse = (id: number, code: CloseCode, reason: string, target?: string) => {
    log({ event: 'refused', client, stream: id, target, code, reason });
    send(encodeClose(id, code, reason));
  };

  const handle = (frame: Frame) => {
    if (frame.type === FrameType.Open) {
      if (frame.id <= lastId) throw new ProtocolViolation(`OPEN for stream ${frame.id}: stream ids only increase`);
      lastId = frame.id;
      const target = parseTarget(frame.target);
      if (!target) return refuse(frame.id, CloseCode.BadTarget, 'no usable target: OPEN names HOST:PORT');
      if (!streams.acquire(client)) return refuse(frame.id, CloseCode.TooManyConnections, 'too many connections', formatTarget(target));
      tunnels.set(frame.id, new Tunnel(frame.id, target, link));
      return idleCheck();
    }
    if (frame.type === FrameType.Hello || frame.type === FrameType.Opened) {
      throw new ProtocolViolation(`frame type ${frame.type} is sent by the proxy only`);
    }
    const tunnel = tunnels.get(frame.id);
    // Frames for a stream that already ended were in flight when it did; the client's CLOSE
    // makes the proxy's waiting one needless.
    if (!tunnel) {
      if (frame.id > lastId) throw new ProtocolViolation(`stream ${frame.id} was never opened`);
      if (frame.type === FrameType.Close) outbox.cancelLater(frame.id);
      return;
    }
    if (frame.type === FrameType.Data) tunnel.data(frame.payload as Buffer);
    else if (frame.type === FrameType.Credit) tunnel.grant(frame.bytes);
    else tunnel.clientClosed(frame.code);
  };

  ws.on('message', (data: RawData, isBinary: boolean) => {
    // A closing WebSocket may still deliver what the client sent before: it is not acted on.
    if (ws.readyState !== ws.OPEN) return;
    try {
      if (!isBinary) throw new ProtocolViolation('text messages are not part of the protocol');
      for (const frame of decodeMessage(Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data))) handle(frame);
    } catch (error) {
      if (error instanceof ProtocolViolation) {
        log({ event: 'protocol-error', client, reason: error.message });
        closeSocket(ws, CloseCode.ProtocolError, error.message);
      } else {
        log({ event: 'internal-error', client, reason: String(error) });
        closeSocket(ws, CloseCode.InternalError, 'internal error');
      }
    }
  });
  ws.once('close', (code: number) => {
    clearTimeout(idle);
    outbox.discard();
    log({ event: 'disconnected', client, code, streams: tunnels.size });
    for (const tunnel of [...tunnels.values()]) tunnel.sessionClosed();
  });

  send(encodeHello(limits.buffered));
  idleCheck();
}

/** Closes with a reason (one too long would make ws throw). A paused socket would never read the client's answering close frame. */
export function closeSocket(ws: WebSocket, code: CloseCode, reason: string): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.resume();
  ws.close(code, fitReason(reason));
}
