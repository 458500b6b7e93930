// Per-stream flow control of the stream protocol (mux-protocol.ts), the same on both sides.
import { ProtocolViolation } from './mux-protocol.js';

/** What a sender may still send on one stream: `window` at first, spent by DATA, returned by CREDIT. */
export class SendCredit {
  available: number;
  constructor(private readonly window: number) {
    this.available = window;
  }

  take(count: number): void {
    this.available -= count;
  }

  /** A CREDIT frame: the peer cannot return more than was sent. */
  grant(count: number): void {
    if (this.available + count > this.window) throw new ProtocolViolation(`CREDIT returns more bytes than were sent`);
    this.available += count;
  }
}

/**
 * What a receiver holds on one stream: DATA may not exceed the window; bytes passed on are
 * returned as CREDIT once they reach half the window, so small exchanges send no CREDIT at all
 * and large ones keep the sender going.
 */
export class ReceiveWindow {
  private held = 0;
  private consumedSinceGrant = 0;
  constructor(private readonly window: number) {}

  /** A DATA frame arrived. */
  receive(count: number): void {
    if (this.held + count > this.window) throw new ProtocolViolation('DATA exceeds the stream\'s credit');
    this.held += count;
  }

  /** `count` bytes were passed on; returns the bytes to grant back now (0: not yet). */
  consume(count: number): number {
    this.consumedSinceGrant += count;
    if (this.consumedSinceGrant * 2 < this.window) return 0;
    const grant = this.consumedSinceGrant;
    this.held -= grant;
    this.consumedSinceGrant = 0;
    return grant;
  }
}
