/** The proxy's bounds, from ProxyOptions with their defaults. */
export interface Limits {
  /** Streams (and WebSockets) open in total. */
  readonly total: number;
  /** Streams (and WebSockets) open per client address. */
  readonly perClient: number;
  /** Each stream's window (see mux-protocol.ts), and the bytes queued to one WebSocket before the proxy stops reading for it. */
  readonly buffered: number;
  readonly idleMs: number;
  readonly connectMs: number;
}

/** Counts what is open, in total and per client address, against the limits. */
export class Usage {
  private total = 0;
  private readonly perClient = new Map<string, number>();
  constructor(private readonly limits: Limits) {}

  /** Counts one more for `client`, or returns false if that would pass a limit. */
  acquire(client: string): boolean {
    const count = this.perClient.get(client) ?? 0;
    if (this.total >= this.limits.total || count >= this.limits.perClient) return false;
    this.total++;
    this.perClient.set(client, count + 1);
    return true;
  }

  release(client: string): void {
    this.total--;
    const left = (this.perClient.get(client) ?? 1) - 1;
    if (left > 0) this.perClient.set(client, left);
    else this.perClient.delete(client);
  }
}
