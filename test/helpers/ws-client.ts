// A test client of the proxy's stream protocol, over the `ws` package: opens streams, sends
// within its credit, records what comes back per stream, and can misbehave on purpose (stop
// returning credit on a stream, send raw bytes).
import WebSocket from 'ws';

import { decodeMessage, encodeClose, encodeCredit, encodeData, encodeOpen, FrameType, type Frame } from 'htcondor-wasm/proxy';

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

export interface StreamState {
  data: Buffer;
  opened: boolean;
  closed?: Closed;
}

export interface ConnectOptions {
  readonly protocols?: string[];
  readonly headers?: Record<string, string>;
  readonly ca?: Buffer;
}

export class MuxClient {
  readonly streams = new Map<number, StreamState>();
  /** Resolves when the WebSocket closes, with its code and reason. */
  readonly closed: Promise<Closed>;
  /** Streams that return no credit for what arrives: readers that stopped. */
  readonly starved = new Set<number>();
  /** Every message the proxy sent, as its frames. */
  readonly messages: Frame[][] = [];
  window = 0;
  private nextId = 1;
  private readonly credit = new Map<number, number>();
  private readonly queued = new Map<number, Buffer[]>();
  private readonly ending = new Set<number>();
  private readonly waiters = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data: Buffer) => {
      const frames = decodeMessage(data);
      this.messages.push(frames);
      for (const frame of frames) this.handle(frame);
      for (const wake of this.waiters) wake();
    });
    ws.on('error', () => {});
  }

  /** Connects and waits for HELLO, or for the proxy to close the WebSocket (see `closed`). */
  static async connect(url: string, options: ConnectOptions = {}): Promise<MuxClient> {
    const ws = new WebSocket(url, options.protocols ?? [], {
      ...(options.headers && { headers: options.headers }),
      ...(options.ca && { ca: options.ca }),
    });
    const client = new MuxClient(ws);
    await Promise.race([client.until(() => client.window > 0), client.closed]);
    return client;
  }

  open(target: string): number {
    const id = this.nextId++;
    this.streams.set(id, { data: Buffer.alloc(0), opened: false });
    this.credit.set(id, this.window);
    this.queued.set(id, []);
    this.ws.send(encodeOpen(id, target));
    return id;
  }

  /** Sends `bytes` on stream `id` as its credit allows. */
  send(id: number, bytes: Buffer): void {
    this.queued.get(id)!.push(bytes);
    this.flush(id);
  }

  /** CLOSE 1000 once everything queued went out. */
  end(id: number): void {
    this.ending.add(id);
    this.flush(id);
  }

  raw(message: Uint8Array | string): void {
    this.ws.send(message);
  }

  /** Resolves once `done` holds, checked after each message. */
  until(done: () => boolean): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return;
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  /** Resolves with the stream's state once the proxy closed it. */
  async streamClosed(id: number): Promise<StreamState> {
    await this.until(() => this.streams.get(id)!.closed !== undefined);
    return this.streams.get(id)!;
  }

  /** Closes the WebSocket and resolves once it closed. */
  close(): Promise<Closed> {
    this.ws.close(1000);
    return this.closed;
  }

  private handle(frame: Frame): void {
    if (frame.type === FrameType.Hello) {
      this.window = frame.window;
      return;
    }
    const stream = this.streams.get(frame.id);
    if (!stream) return;
    if (frame.type === FrameType.Opened) stream.opened = true;
    else if (frame.type === FrameType.Data) {
      stream.data = Buffer.concat([stream.data, frame.payload]);
      if (!this.starved.has(frame.id)) this.ws.send(encodeCredit(frame.id, frame.payload.length));
    } else if (frame.type === FrameType.Credit) {
      this.credit.set(frame.id, this.credit.get(frame.id)! + frame.bytes);
      this.flush(frame.id);
    } else if (frame.type === FrameType.Close) stream.closed = { code: frame.code, reason: frame.reason };
  }

  private flush(id: number): void {
    const queue = this.queued.get(id)!;
    let credit = this.credit.get(id)!;
    while (queue.length > 0 && credit > 0) {
      const head = queue[0]!;
      const count = Math.min(head.length, credit);
      this.ws.send(encodeData(id, head.subarray(0, count)));
      credit -= count;
      if (count === head.length) queue.shift();
      else queue[0] = head.subarray(count);
    }
    this.credit.set(id, credit);
    if (queue.length === 0 && this.ending.delete(id)) this.ws.send(encodeClose(id, 1000, ''));
  }
}

/** Opens one stream to `target`, sends `bytes`, and resolves with the stream once `until` holds or the proxy closes it. */
export async function exchange(url: string, target: string, bytes?: Buffer, until?: (received: Buffer) => boolean): Promise<StreamState> {
  const client = await MuxClient.connect(url);
  try {
    const id = client.open(target);
    if (bytes) client.send(id, bytes);
    const stream = client.streams.get(id)!;
    await client.until(() => stream.closed !== undefined || (until?.(stream.data) ?? false));
    return stream;
  } finally {
    await client.close();
  }
}
