// Frames produced in one turn leave as one WebSocket message (mux-protocol.ts): a command's
// OPEN and first bytes, or a reply's last bytes and its CLOSE, cost one send and one wake-up.
//
// A stream's CLOSE that the other side's own CLOSE may make needless (a daemon closes once it
// has answered, and the client is done with a stream once it has the answer) waits instead:
// it goes with the next message, or after LATER_MS, and is dropped if the other side's comes
// first. In a run of small commands that saves one message each way per command.

/** How long a frame pushed with pushLater may wait for a message to go with. */
export const LATER_MS = 20;

export class Outbox {
  private frames: Uint8Array[] = [];
  private size = 0;
  private scheduled = false;
  /** Frames that wait (pushLater), by stream id, in the order they came. */
  private readonly later = new Map<number, Uint8Array>();
  private laterTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `limit`: the largest message (maxMessageSize); `schedule` runs the flush once the turn's
   * frames are in; `write` sends one message.
   */
  constructor(
    private readonly limit: number,
    private readonly schedule: (flush: () => void) => void,
    private readonly write: (message: Uint8Array) => void,
  ) {}

  /** Waiting frames go first, so the receiver takes those streams as ended before what follows. */
  push(frame: Uint8Array): void {
    if (this.later.size > 0) this.releaseLater();
    this.append(frame);
  }

  /** `frame` (stream `id`'s CLOSE) goes with the next message, or after LATER_MS. */
  pushLater(id: number, frame: Uint8Array): void {
    this.later.set(id, frame);
    this.laterTimer ??= setTimeout(() => this.releaseLater(), LATER_MS);
  }

  /** The other side closed stream `id`: its waiting CLOSE, if any, is not needed. */
  cancelLater(id: number): void {
    this.later.delete(id);
  }

  /** The WebSocket is gone: nothing more is sent. */
  discard(): void {
    clearTimeout(this.laterTimer);
    this.laterTimer = undefined;
    this.later.clear();
    this.frames = [];
    this.size = 0;
  }

  private releaseLater(): void {
    clearTimeout(this.laterTimer);
    this.laterTimer = undefined;
    const frames = [...this.later.values()];
    this.later.clear();
    for (const frame of frames) this.append(frame);
  }

  private append(frame: Uint8Array): void {
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
