// One WebSocket to the proxy carrying many TCP streams (proxy/mux-protocol.ts): the core's
// connections to daemons are streams on it, so a command pays no WebSocket opening. When the
// WebSocket closes or the proxy breaks the protocol, every stream on it fails at once.
import { ReceiveWindow, SendCredit } from '../proxy/mux-flow.js';
import { Outbox } from '../proxy/mux-outbox.js';
import {
  decodeMessage, encodeClose, encodeCredit, encodeData, encodeOpen, FrameType, MAX_STREAM_ID, maxMessageSize, ProtocolViolation, VERSION,
  type Frame,
} from '../proxy/mux-protocol.js';
import type { Connection, ConnectionEvents } from './transport.js';
import { IDLE_LINGER_MS, WebSocketClass } from './websocket.js';

// Frames no larger than this, so a large send on one stream does not hold up the others.
const MAX_DATA_FRAME = 64 * 1024;

class Stream {
  credit: SendCredit | undefined;
  window: ReceiveWindow | undefined;
  /** Bytes the core sent that wait for credit. */
  queue: Uint8Array[] = [];
  /** Waiting for the queue to empty (Connection.whenDrained). */
  drained: (() => void)[] = [];
  opened = false;
  /** The core closed it: it hears nothing more, and CLOSE goes once the queue is sent. */
  closing = false;
  /** Paused by the core: DATA is held here (at most the window) and no CREDIT goes back. */
  paused = false;
  held: Uint8Array[] = [];
  /** The stream's end, heard while data was held. */
  ended: (() => void) | undefined;
  constructor(
    readonly id: number,
    readonly target: string,
    readonly events: ConnectionEvents,
  ) {}
}

export class ProxySocket {
  private readonly ws: WebSocket;
  private readonly streams = new Map<number, Stream>();
  private nextId = 1;
  /** From the proxy's HELLO; 0 until then. */
  private window = 0;
  private outbox: Outbox | undefined;
  private connected = false;
  private gone = false;
  private linger: ReturnType<typeof setTimeout> | undefined;

  /** `onGone` runs once, when this socket takes no more streams. */
  constructor(
    private readonly url: string,
    token: string | undefined,
    private readonly onGone: () => void,
  ) {
    this.ws = new WebSocketClass(url, ['htcondor-wasm', ...(token ? [`bearer.${token}`] : [])]);
    this.ws.binaryType = 'arraybuffer';
    this.ws.onopen = () => (this.connected = true);
    this.ws.onmessage = (event) => {
      try {
        for (const frame of decodeMessage(new Uint8Array(event.data as ArrayBuffer))) this.handle(frame);
      } catch (error) {
        if (!(error instanceof ProtocolViolation)) throw error;
        this.lost(() => `the proxy at ${this.url} broke the protocol: ${error.message}`);
        this.ws.close();
      }
    };
    // The proxy refuses a client (token, origin, limits) with a close code and reason after the
    // WebSocket opened; a WebSocket that never opened did not reach it.
    this.ws.onclose = (event) =>
      this.lost((target) => this.connected
        ? `the proxy closed the connection to ${target}: ${event.reason || `code ${event.code}`}`
        : `cannot reach the proxy at ${this.url}`);
    this.ws.onerror = () => {};
  }

  /** False once the socket closed or ran out of stream ids: open a new one. */
  get usable(): boolean {
    return !this.gone && this.nextId <= MAX_STREAM_ID;
  }

  open(host: string, port: number, events: ConnectionEvents): Connection {
    clearTimeout(this.linger);
    const stream = new Stream(this.nextId++, `${host.includes(':') ? `[${host}]` : host}:${port}`, events);
    this.streams.set(stream.id, stream);
    if (this.window > 0) this.start(stream);
    return {
      send: (bytes) => {
        // Nothing to send is not a frame (the proxy refuses empty DATA).
        if (stream.closing || bytes.length === 0) return;
        stream.queue.push(bytes);
        this.flush(stream);
      },
      whenDrained: () => (stream.queue.length > 0 ? new Promise<void>((resolve) => stream.drained.push(resolve)) : undefined),
      close: () => {
        if (stream.closing) return;
        stream.closing = true;
        if (stream.credit) this.flush(stream);
        else this.forget(stream);
      },
      pause: () => (stream.paused = true),
      resume: () => {
        stream.paused = false;
        while (stream.held.length > 0 && !stream.paused && !stream.closing) this.deliver(stream, stream.held.shift()!);
        if (stream.held.length === 0 && stream.ended && !stream.closing) stream.ended();
        if (stream.held.length === 0) stream.ended = undefined;
      },
    };
  }

  // Connected at once, without waiting for OPENED: the proxy holds early bytes until the target
  // is up, and a refusal arrives as CLOSE, so a command saves a round trip through the proxy.
  // The core's first bytes, sent as it hears of the connection, join OPEN in one message.
  private start(stream: Stream): void {
    stream.credit = new SendCredit(this.window);
    stream.window = new ReceiveWindow(this.window);
    queueMicrotask(() => {
      if (!stream.closing && this.streams.get(stream.id) === stream) stream.events.connected();
    });
    this.send(encodeOpen(stream.id, stream.target));
  }

  private handle(frame: Frame): void {
    if (frame.type === FrameType.Hello) {
      if (this.window > 0) throw new ProtocolViolation('a second HELLO');
      if (frame.version !== VERSION) throw new ProtocolViolation(`the proxy speaks version ${frame.version}, this client ${VERSION}`);
      this.window = frame.window;
      this.outbox = new Outbox(maxMessageSize(this.window), (flush) => queueMicrotask(flush), (message) => {
        if (this.ws.readyState === WebSocketClass.OPEN) this.ws.send(message as Uint8Array<ArrayBuffer>);
      });
      for (const stream of this.streams.values()) this.start(stream);
      return;
    }
    if (this.window === 0) throw new ProtocolViolation('the proxy must send HELLO first');
    if (frame.type === FrameType.Open) throw new ProtocolViolation('OPEN is sent by clients only');
    const stream = this.streams.get(frame.id);
    // Frames for a stream that already ended were in flight when it did.
    if (!stream) {
      if (frame.id >= this.nextId) throw new ProtocolViolation(`stream ${frame.id} was never opened`);
      if (frame.type === FrameType.Close) this.outbox!.cancelLater(frame.id);
      return;
    }
    switch (frame.type) {
      case FrameType.Opened:
        if (stream.opened) throw new ProtocolViolation(`a second OPENED for stream ${frame.id}`);
        stream.opened = true;
        return;
      case FrameType.Data: {
        if (!stream.opened) throw new ProtocolViolation(`DATA before OPENED on stream ${frame.id}`);
        stream.window!.receive(frame.payload.length);
        if (stream.paused) stream.held.push(frame.payload);
        else this.deliver(stream, frame.payload);
        return;
      }
      case FrameType.Credit:
        stream.credit!.grant(frame.bytes);
        this.flush(stream);
        return;
      case FrameType.Close: {
        this.forget(stream);
        if (stream.closing) return;
        const end = () => {
          if (frame.code === 1000) stream.events.closed();
          else if (stream.opened) stream.events.failed(`the proxy closed the connection to ${stream.target}: ${frame.reason}`);
          else stream.events.failed(`cannot connect to ${stream.target} through the proxy: ${frame.reason}`);
        };
        // Data held for a paused core comes before the end.
        if (stream.held.length > 0) stream.ended = end;
        else end();
      }
    }
  }

  // Bytes passed on to the core are credited back to the proxy.
  private deliver(stream: Stream, payload: Uint8Array): void {
    const grant = stream.window!.consume(payload.length);
    if (grant > 0 && this.streams.get(stream.id) === stream) this.send(encodeCredit(stream.id, grant));
    if (!stream.closing) stream.events.data(payload);
  }

  /**
   * Sends what the stream's credit allows; a closing stream's CLOSE follows its last bytes, and
   * waits for the proxy's own (the daemon closing once it has answered) to make it needless.
   */
  private flush(stream: Stream): void {
    const credit = stream.credit;
    if (!credit) return;
    while (stream.queue.length > 0 && credit.available > 0) {
      const head = stream.queue[0]!;
      const count = Math.min(head.length, credit.available, MAX_DATA_FRAME);
      this.send(encodeData(stream.id, head.subarray(0, count)));
      credit.take(count);
      if (count === head.length) stream.queue.shift();
      else stream.queue[0] = head.subarray(count);
    }
    if (stream.queue.length === 0) for (const resolve of stream.drained.splice(0)) resolve();
    if (stream.closing && stream.queue.length === 0) {
      this.outbox!.pushLater(stream.id, encodeClose(stream.id, 1000, ''));
      this.forget(stream);
    }
  }

  private send(frame: Uint8Array): void {
    this.outbox!.push(frame);
  }

  // A socket without streams stays open a while for the next command, then closes.
  private forget(stream: Stream): void {
    this.streams.delete(stream.id);
    for (const resolve of stream.drained.splice(0)) resolve();
    if (this.streams.size > 0 || this.gone) return;
    this.linger = setTimeout(() => {
      this.lost(() => '');
      this.ws.close(1000);
    }, this.usable ? IDLE_LINGER_MS : 0);
  }

  /** The socket is gone: every stream the core still uses fails with `why`. */
  private lost(why: (target: string) => string): void {
    if (this.gone) return;
    this.gone = true;
    clearTimeout(this.linger);
    this.outbox?.discard();
    this.onGone();
    const streams = [...this.streams.values()];
    this.streams.clear();
    for (const stream of streams) if (!stream.closing) stream.events.failed(why(stream.target));
  }
}
