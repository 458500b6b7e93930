// Runs a core operation (wasm/ops): performs each action it asks for on a transport and reports
// back what happened. Its results are handed out in steps: a step ends when the operation is
// done, waits for its caller's input (a conversation), or has a chunk of results ready. While
// the caller has not asked for the next step and a chunk is waiting, the operation's
// connections stop reading, so a long stream holds at most a couple of chunks in memory.
import { HTCondorInternalError, HTCondorIOError, HTCondorValueError } from '../src/errors.js';
import type { OperationItem, OperationStep, Records } from '../src/core/port.js';
import type { Connection, Transport } from './transport.js';

/** What an operation asks of its host next (ops::Action::Kind in wasm/ops/io.hpp, in order). */
const ACTIONS = ['idle', 'connect', 'send', 'close', 'timer', 'result', 'done', 'failed', 'input'] as const;
const ERROR_KINDS = ['io', 'value', 'internal'] as const;

export interface OperationHandle {
  /** The next action, as its index in ACTIONS; its details are read with the methods below until the next poll. */
  poll(): number;
  conn(): number;
  host(): string;
  port(): number;
  /** Result: whether it is records (else text). */
  binary(): boolean;
  /** Send: the bytes; a binary result: its records' bytes. A view into the core's memory until the next call into it. */
  bytes(): Uint8Array;
  /** A binary result: where each record ends in bytes(). A view, as bytes() is. */
  ends(): Uint32Array;
  /** Timer: when, on the clock below. */
  at(): number;
  /** Result: the item; Failed: the error message. */
  text(): string;
  /** Failed: the error's kind, as its index in ERROR_KINDS. */
  errorKind(): number;
  onConnected(conn: number): void;
  onConnectFailed(conn: number, why: string): void;
  onData(conn: number, bytes: Uint8Array): void;
  onClosed(conn: number): void;
  onTimer(now: number): void;
  onInput(input: string | Uint8Array): void;
  extendDeadline(seconds: number): void;
  delete(): void;
}

/** Seconds on the clock operations set their deadlines by. */
export const clock = (): number => performance.now() / 1000;

const errorTypes = { io: HTCondorIOError, value: HTCondorValueError, internal: HTCondorInternalError };

export class OperationRun {
  readonly #op: OperationHandle;
  readonly #transport: Transport;
  readonly #chunk: number;
  readonly #connections = new Map<number, Connection>();
  // What the operation sent during one pump, by connection: written together once it pauses,
  // so the many small messages of a queue transaction cost one write, not one each.
  readonly #outgoing = new Map<number, Uint8Array[]>();
  #items: OperationItem[] = [];
  /** How many results #items holds (a Records item holds many). */
  #held = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #finished = false;
  #done = false;
  #error: Error | undefined;
  #wantsInput = false;
  #paused = false;
  /** When the operation started waiting on its caller (paused, or for input). */
  #waitingSince: number | undefined;
  /** Set when the timeout bounds the time without progress: when it last made some. */
  #lastProgress: number | undefined;
  #waiter: { resolve: (step: OperationStep) => void; reject: (error: Error) => void } | undefined;

  /**
   * `chunk`: the most results a step holds back before it is handed out. `idle`: the timeout
   * bounds the time without progress (bytes arriving, the caller asked for more) rather than the
   * whole run, so a large file transfer is not cut off while it moves.
   */
  constructor(op: OperationHandle, transport: Transport, chunk = Infinity, idle = false) {
    this.#op = op;
    this.#transport = transport;
    this.#chunk = chunk;
    if (idle) this.#lastProgress = clock();
    this.#pump();
  }

  /** The next step; `input` answers an operation that asked for it. */
  next(input?: string | Uint8Array): Promise<OperationStep> {
    if (this.#waiter) return Promise.reject(new HTCondorInternalError('htcondor-wasm: an operation was asked for two steps at once'));
    const promise = new Promise<OperationStep>((resolve, reject) => (this.#waiter = { resolve, reject }));
    if (!this.#finished) {
      this.#creditWaitingTime();
      if (input !== undefined) {
        if (!this.#wantsInput) {
          this.cancel();
          this.#error = new HTCondorInternalError('htcondor-wasm: input given to an operation that did not ask for it');
        } else {
          this.#wantsInput = false;
          this.#op.onInput(input);
        }
      }
      this.#setPaused(false);
      this.#pump();
    }
    this.#settle();
    return promise;
  }

  /** Ends the operation: its connections close, and a pending step fails. */
  cancel(): void {
    if (this.#finished) return;
    this.#end();
    this.#error = new HTCondorIOError('the operation was cancelled');
    this.#settle();
  }

  #progressed(): void {
    if (this.#lastProgress === undefined) return;
    const now = clock();
    this.#op.extendDeadline(now - this.#lastProgress);
    this.#lastProgress = now;
  }

  #creditWaitingTime(): void {
    if (this.#waitingSince === undefined) return;
    this.#op.extendDeadline(clock() - this.#waitingSince);
    this.#waitingSince = undefined;
  }

  #setPaused(paused: boolean): void {
    if (paused === this.#paused) return;
    this.#paused = paused;
    for (const c of this.#connections.values()) (paused ? c.pause : c.resume)?.call(c);
  }

  // Hands out a step when there is one to hand out and someone asked for it.
  #settle(): void {
    const waiter = this.#waiter;
    if (!waiter) {
      if (!this.#finished && this.#held >= 2 * this.#chunk) this.#holdForCaller(true);
      return;
    }
    if (this.#error) {
      this.#waiter = undefined;
      waiter.reject(this.#error);
      return;
    }
    if (!this.#done && !this.#wantsInput && this.#held < this.#chunk) return;
    this.#waiter = undefined;
    // A step holds at most a chunk (what one read brought beyond it waits for the next step),
    // so the caller holds at most the chunk it reads and the one it asked for next. A step that
    // answers a conversation holds everything: the caller answers it as a whole.
    const items = this.#wantsInput ? this.#takeItems(Infinity) : this.#takeItems(this.#chunk);
    waiter.resolve({ items, done: this.#done && this.#items.length === 0 });
    if (!this.#finished && this.#wantsInput) this.#holdForCaller(false);
  }

  // The first `max` results held, a run of records split where the count is reached.
  #takeItems(max: number): OperationItem[] {
    if (this.#held <= max) {
      const items = this.#items;
      this.#items = [];
      this.#held = 0;
      return items;
    }
    const taken: OperationItem[] = [];
    let room = max;
    while (room > 0) {
      const item = this.#items[0]!;
      const count = typeof item === 'string' ? 1 : item.ends.length;
      if (count <= room) {
        taken.push(this.#items.shift()!);
        room -= count;
        continue;
      }
      const [head, rest] = splitRecords(item as Records, room);
      taken.push(head);
      this.#items[0] = rest;
      room = 0;
    }
    this.#held -= max;
    return taken;
  }

  #holdForCaller(pause: boolean): void {
    this.#waitingSince ??= clock();
    if (pause) this.#setPaused(true);
  }

  #end(): void {
    this.#finished = true;
    clearTimeout(this.#timer);
    for (const c of this.#connections.values()) c.close();
    this.#connections.clear();
    this.#op.delete();
  }

  // Callbacks from the network arrive after the operation may have ended: then they are dropped.
  #report(fn: () => void): () => void {
    return () => {
      if (this.#finished) return;
      fn();
      this.#pump();
      this.#settle();
    };
  }

  #flush(): void {
    for (const [conn, chunks] of this.#outgoing) {
      const connection = this.#connections.get(conn);
      if (!connection) continue;
      if (chunks.length === 1) {
        connection.send(chunks[0]!);
        continue;
      }
      const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.length;
      }
      connection.send(all);
    }
    this.#outgoing.clear();
  }

  #pump(): void {
    try {
      this.#pumpActions();
    } finally {
      this.#flush();
    }
  }

  #pumpActions(): void {
    const op = this.#op;
    while (!this.#finished) {
      const kind = ACTIONS[op.poll()];
      switch (kind) {
        case 'idle':
          return;
        case 'connect': {
          const conn = op.conn();
          const connection = this.#transport.connect(op.host(), op.port(), {
            connected: this.#report(() => op.onConnected(conn)),
            data: (bytes) => this.#report(() => {
              this.#progressed();
              op.onData(conn, bytes);
            })(),
            closed: this.#report(() => op.onClosed(conn)),
            failed: (why) => this.#report(() => op.onConnectFailed(conn, why))(),
          });
          this.#connections.set(conn, connection);
          if (this.#paused) connection.pause?.();
          break;
        }
        case 'send': {
          const conn = op.conn();
          const bytes = op.bytes().slice();
          const pending = this.#outgoing.get(conn);
          if (pending) pending.push(bytes);
          else this.#outgoing.set(conn, [bytes]);
          break;
        }
        case 'close': {
          const conn = op.conn();
          this.#flush();
          this.#connections.get(conn)?.close();
          this.#connections.delete(conn);
          break;
        }
        case 'timer':
          clearTimeout(this.#timer);
          this.#timer = setTimeout(this.#report(() => op.onTimer(clock())), Math.max(0, (op.at() - clock()) * 1000));
          break;
        case 'result':
          if (op.binary()) {
            const records = { bytes: op.bytes().slice(), ends: op.ends().slice() };
            this.#items.push(records);
            this.#held += records.ends.length;
          } else {
            this.#items.push(op.text());
            this.#held += 1;
          }
          break;
        case 'input': {
          // The caller is asked for more (the next piece of a file to upload) only once what
          // was sent has left: uploads stream at the network's pace with bounded memory.
          this.#flush();
          const sending = [...this.#connections.values()].map((c) => c.whenDrained?.()).filter((p) => p !== undefined);
          const ready = () => {
            this.#progressed();
            this.#wantsInput = true;
          };
          if (sending.length === 0) ready();
          else void Promise.all(sending).then(this.#report(ready));
          break;
        }
        case 'done':
          this.#done = true;
          this.#flush();
          this.#end();
          return;
        case 'failed':
          this.#error = new errorTypes[ERROR_KINDS[op.errorKind()]!](op.text());
          this.#flush();
          this.#end();
          return;
        default:
          this.#error = new HTCondorInternalError('htcondor-wasm: the core asked for an action this host does not know');
          this.#end();
          return;
      }
    }
  }
}

// Records' first `count` records, and the rest, each in buffers of its own.
function splitRecords(records: Records, count: number): [Records, Records] {
  const cut = records.ends[count - 1]!;
  return [
    { bytes: records.bytes.slice(0, cut), ends: records.ends.slice(0, count) },
    { bytes: records.bytes.slice(cut), ends: records.ends.slice(count).map((end) => end - cut) },
  ];
}

/** Every result of an operation that asks for no input, in order; rejects with the exception type its failure names. */
export async function drive<Item extends OperationItem = string>(op: OperationHandle, transport: Transport): Promise<Item[]> {
  const step = await new OperationRun(op, transport).next();
  return step.items as Item[];
}
