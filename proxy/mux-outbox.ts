// Frames produced in one turn leave as one WebSocket message (mux-protocol.ts): a command's
// OPEN and first bytes, or a reply's last bytes and its CLOSE, cost one send and one wake-up.

export class Outbox {
  private frames: Uint8Array[] = [];
  private size = 0;
  private scheduled = false;

  /**
   * `limit`: the largest message (maxMessageSize); `schedule` runs the flush once the turn's
   * frames are in; `write` sends one message.
   */
  constructor(
    private readonly limit: number,
    private readonly schedule: (flush: () => void) => void,
    private readonly write: (message: Uint8Array) => void,
  ) {}

  push(frame: Uint8Array): void {
    if (this.size + frame.length > this.limit) this.flush();
    this.frames.push(frame);
    this.size += frame.length;
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.frames.length === 0) return;
    let message = this.frames[0]!;
    if (this.frames.length > 1) {
      message = new Uint8Array(this.size);
      let at = 0;
      for (const frame of this.frames) {
        message.set(frame, at);
        at += frame.length;
      }
    }
    this.frames = [];
    this.size = 0;
    this.write(message);
  }
}
