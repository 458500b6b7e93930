// One stream of a client's WebSocket: its TCP connection to the target, with the stream's flow
// control both ways (mux-flow.ts).
import dns from 'node:dns/promises';
import net from 'node:net';
import { setTimeout } from 'node:timers';

import { isAllowed, type AllowRule } from './allow-list.js';
import { CloseCode } from './close-codes.js';
import type { Limits } from './limits.js';
import type { Logger } from './log.js';
import { ReceiveWindow, SendCredit } from './mux-flow.js';
import { encodeClose, encodeCredit, encodeData, encodeOpened } from './mux-protocol.js';
import { readBuffer } from './read-buffer.js';
import { formatTarget, type Target } from './target.js';

/** What a tunnel needs from the WebSocket session that carries it. */
export interface SessionLink {
  readonly client: string;
  readonly rules: readonly AllowRule[];
  readonly limits: Limits;
  readonly log: Logger;
  send(frame: Uint8Array): void;
  /** A stream's CLOSE that the client's own may make needless (Outbox.pushLater). */
  sendLater(id: number, frame: Uint8Array): void;
  /** The WebSocket has more queued than the limit: stop reading targets. */
  readonly congested: boolean;
  /** The stream is over for the client: its id is dead. */
  ended(tunnel: Tunnel): void;
}

/** How a tunnel ends: tell the client (the proxy ends it), deliver what the client sent first, or drop everything. */
type Ending = 'notify' | 'flush' | 'abort';

export class Tunnel {
  private readonly name: string;
  private tcp: net.Socket | undefined;
  /** Client bytes that came before the TCP connection. */
  private early: Buffer[] = [];
  /** Target bytes waiting for credit. */
  private pending: Buffer | undefined;
  private readonly credit: SendCredit;
  private readonly window: ReceiveWindow;
  private opened = false;
  /** OPENED goes with the stream's first DATA or CLOSE. */
  private openedUnsent = false;
  private targetEnded = false;
  /** Over for the client; a flushing tunnel may still write to the target. */
  private done = false;
  private flushing = false;
  private up = 0;
  private down = 0;
  private idle: NodeJS.Timeout | undefined;
  private readonly connecting: NodeJS.Timeout;

  constructor(
    readonly id: number,
    private readonly target: Target,
    private readonly link: SessionLink,
  ) {
    this.name = formatTarget(target);
    this.credit = new SendCredit(link.limits.buffered);
    this.window = new ReceiveWindow(link.limits.buffered);
    this.connecting = setTimeout(() => this.finish(CloseCode.BadGateway, `target ${this.name}: connect timed out`), link.limits.connectMs);
    resolveAllowed(link.rules, target).then(
      (address) => {
        if (this.done && !this.flushing) return;
        if (address === undefined) this.finish(CloseCode.PolicyViolation, `target ${this.name} is not allowed by this proxy`);
        else this.connect(address);
      },
      (error: NodeJS.ErrnoException) => this.finish(CloseCode.BadGateway, `cannot resolve ${target.host}: ${error.code ?? error.message}`),
    );
  }

  /** DATA from the client (throws ProtocolViolation beyond its credit). */
  data(payload: Buffer): void {
    this.window.receive(payload.length);
    this.up += payload.length;
    this.touch();
    if (this.tcp) this.write(payload);
    else this.early.push(payload);
  }

  /** CREDIT from the client (throws ProtocolViolation if it returns more than was sent). */
  grant(count: number): void {
    this.credit.grant(count);
    this.forward();
  }

  /** CLOSE from the client: 1000 delivers what it sent, then closes; other codes drop the connection. */
  clientClosed(code: number): void {
    this.finish(code, 'client closed the stream', code === CloseCode.Normal ? 'flush' : 'abort');
  }

  /** The WebSocket closed: every stream still open on it is dropped. */
  sessionClosed(): void {
    this.finish(CloseCode.GoingAway, 'client connection closed', 'abort');
  }

  /** Reads the target only while the client has credit for it and its WebSocket is not backed up. */
  updateReading(): void {
    if (!this.tcp || this.done) return;
    const read = this.pending === undefined && this.credit.available > 0 && !this.link.congested;
    if (read && this.tcp.isPaused()) this.tcp.resume();
    else if (!read && !this.tcp.isPaused()) this.tcp.pause();
  }

  private connect(address: string): void {
    const buffer = readBuffer();
    const onread = { buffer, callback: (n: number) => this.received(buffer.subarray(0, n)) };
    const tcp = net.connect({ host: address, port: this.target.port, onread });
    this.tcp = tcp;
    tcp.setNoDelay(true);
    for (const bytes of this.early) this.write(bytes);
    this.early = [];
    if (this.flushing) this.endTcp();
    tcp.once('connect', () => {
      clearTimeout(this.connecting);
      if (this.done) return;
      this.opened = true;
      this.openedUnsent = true;
      this.touch();
      this.link.log({ event: 'open', client: this.link.client, stream: this.id, target: this.name });
    });
    tcp.once('end', () => this.targetClosed());
    tcp.once('close', () => this.targetClosed());
    tcp.on('error', (error: NodeJS.ErrnoException) => this.finish(CloseCode.BadGateway, `target ${this.name}: ${error.code ?? error.message}`));
  }

  // Bytes from the target, in the shared read buffer (read-buffer.ts): what the client has no
  // credit for yet is copied out before the next read reuses it.
  private received(chunk: Buffer): true {
    if (this.done) return true;
    this.down += chunk.length;
    this.touch();
    this.pending = chunk;
    this.forward();
    if (this.pending) this.pending = Buffer.from(this.pending);
    return true;
  }

  // Returns credit as TCP takes the bytes, so a target that reads slowly holds back only this stream.
  private write(bytes: Buffer): void {
    this.tcp!.write(bytes, () => {
      if (this.done) return;
      const grant = this.window.consume(bytes.length);
      if (grant > 0) this.link.send(encodeCredit(this.id, grant));
    });
  }

  /** Sends what the target sent as far as the client's credit goes. */
  private forward(): void {
    while (this.pending && this.credit.available > 0) {
      const count = Math.min(this.pending.length, this.credit.available);
      this.sendOpened();
      this.link.send(encodeData(this.id, this.pending.subarray(0, count)));
      this.credit.take(count);
      this.pending = count < this.pending.length ? this.pending.subarray(count) : undefined;
    }
    if (this.targetEnded && !this.pending) this.finish(CloseCode.Normal, 'target closed the connection');
    else this.updateReading();
  }

  // What the target sent before closing still reaches the client, as its credit allows.
  private targetClosed(): void {
    this.targetEnded = true;
    if (!this.pending) this.finish(CloseCode.Normal, 'target closed the connection');
  }

  private sendOpened(): void {
    if (!this.openedUnsent) return;
    this.openedUnsent = false;
    this.link.send(encodeOpened(this.id));
  }

  private touch(): void {
    if (this.idle) this.idle.refresh();
    else this.idle = setTimeout(() => this.finish(CloseCode.IdleTimeout, 'idle timeout'), this.link.limits.idleMs);
  }

  // Ends gracefully: what was written still goes out, and a target that stops reading is cut
  // off after the connect timeout.
  private endTcp(): void {
    const tcp = this.tcp!;
    tcp.end();
    const timer = setTimeout(() => tcp.destroy(), this.link.limits.connectMs).unref();
    tcp.once('close', () => clearTimeout(timer));
  }

  private finish(code: number, reason: string, ending: Ending = 'notify'): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.idle);
    clearTimeout(this.connecting);
    this.pending = undefined;
    if (ending === 'flush') {
      // Not connected yet: the connection, when allowed, gets the early bytes and then the end.
      this.flushing = true;
      if (this.tcp) this.endTcp();
    } else if (code === CloseCode.Normal && this.targetEnded) {
      // Ended, not destroyed: in profiles of small queries, closing at once cost the proxy five
      // times the CPU of a graceful end.
      this.endTcp();
    } else {
      this.early = [];
      this.tcp?.destroy();
    }
    if (ending === 'notify') {
      this.sendOpened();
      const close = encodeClose(this.id, code, reason);
      // A target that answered and closed: the client most likely has what it wanted and is
      // closing the stream too. Refusals, failures and a close without an answer go at once.
      if (code === CloseCode.Normal && this.down > 0) this.link.sendLater(this.id, close);
      else this.link.send(close);
    }
    this.link.log({
      event: this.opened ? 'close' : 'refused', client: this.link.client, stream: this.id, target: this.name,
      code, reason, bytesUp: this.up, bytesDown: this.down,
    });
    this.link.ended(this);
  }
}

/** The first address of the target that the allow-list lets through, checked before connecting. */
async function resolveAllowed(rules: readonly AllowRule[], target: Target): Promise<string | undefined> {
  if (rules.length === 0) return undefined;
  const addresses = net.isIP(target.host) ? [target.host] : (await dns.lookup(target.host, { all: true })).map((a) => a.address);
  // Connect to the very address that was checked, so a changing DNS answer cannot slip past.
  return addresses.find((address) => isAllowed(rules, target.host, address, target.port));
}
