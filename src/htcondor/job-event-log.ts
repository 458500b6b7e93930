import { HTCondorIOError, HTCondorValueError } from '../errors.js';
import { FixedSource, StreamSource, UrlSource, type ByteSource } from './event-log/byte-source.js';
import { eventLogCore, type EventLogReaderHandle, type LogFormat } from './event-log/core.js';
import { FileSource } from './event-log/file-source.js';
import { JobEvent } from './job-event.js';

/** A job event log: a path (Node, Deno, Bun), a File or Blob, bytes, a URL, or a stream of bytes. */
export type JobEventLogSource = string | URL | Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface JobEventLogOptions {
  /** Start reading at this byte offset: a JobEventLog's `offset` saved earlier, to resume where it stopped. */
  offset?: number;
  /** The HTCondor release whose reader to reproduce where releases differ (default "23.9.6"; "25" drops the ToE fields). */
  htcondorVersion?: string;
}

export interface EventsOptions {
  /** Stops the iteration, also while it waits for the log to grow. */
  signal?: AbortSignal;
}

/**
 * Reads a job event log, as the Python bindings' `htcondor.JobEventLog`, in the classic, XML
 * or JSON format. `events(stopAfter)` yields the events: with 0, those in the log now; with N,
 * waiting up to N seconds for more; with null or nothing, following the log forever. A partly
 * written last event is held back until it is complete. `offset` tells where the next event
 * starts, so a later JobEventLog can resume there.
 */
export class JobEventLog implements AsyncIterable<JobEvent>, AsyncDisposable {
  private readonly source: ByteSource;
  private readonly reader: EventLogReaderHandle;
  private readonly start: number;
  private readonly version: readonly [number, number];
  // The bytes appended and not yet read as events, with the offset of the first (events keep
  // a copy of theirs, to make their ad and text on demand).
  private pending = new Uint8Array(0);
  private pendingAt = 0;
  private header: Float64Array | undefined;
  private format: LogFormat | undefined;
  private closed = false;

  constructor(source: JobEventLogSource, options: JobEventLogOptions = {}) {
    this.start = options.offset ?? 0;
    if (!Number.isSafeInteger(this.start) || this.start < 0) throw new HTCondorValueError(`offset must be a byte offset, not ${options.offset}`);
    this.version = versionOf(options.htcondorVersion ?? '23.9.6');
    this.source = sourceOf(source, this.start);
    this.reader = new (eventLogCore().EventLogReader)(Date.now() / 1000, ...this.version);
  }

  /** Where the next event starts: bytes of the log read as events. */
  get offset(): number {
    return this.start + this.reader.offset();
  }

  /** The events, as `JobEventLog.events(stop_after)` gives them. */
  async *events(stopAfter?: number | null, options: EventsOptions = {}): AsyncGenerator<JobEvent, void, undefined> {
    if (stopAfter != null && !(Number.isFinite(stopAfter) && stopAfter >= 0)) {
      throw new HTCondorValueError(`stopAfter must be a number of seconds, or null to follow the log forever, not ${stopAfter}`);
    }
    const deadline = stopAfter == null ? Infinity : Date.now() + stopAfter * 1000;
    const { signal } = options;
    for (;;) {
      signal?.throwIfAborted();
      if (this.closed) throw new HTCondorIOError(`the event log ${this.source.name} is closed`);
      const now = Date.now() / 1000;
      const step = this.reader.next(now);
      if (step === 1) {
        yield this.event(now);
        continue;
      }
      if (step === 2) {
        this.trim();
        throw new HTCondorIOError(`cannot read the event log ${this.source.name}: ${this.reader.error()}`);
      }
      const more = await this.source.read(Math.max(0, deadline - Date.now()), signal);
      if (!more) return;
      this.reader.append(more);
      this.keep(more);
    }
  }

  /** The event next() just read. */
  private event(now: number): JobEvent {
    // The view goes stale when the core's memory grows.
    if (!this.header?.length) this.header = this.reader.header();
    const [type, cluster, proc, timestamp, begin, end] = this.header as unknown as [number, number, number, number, number, number];
    // A view, not a copy: the chunk it is in stays alive only as long as events from it do.
    const bytes = this.pending.subarray(begin - this.pendingAt, end - this.pendingAt);
    // The format is known from the first event on.
    this.format ??= this.reader.format() as LogFormat;
    return new JobEvent(type, cluster, proc, timestamp, { reader: this.reader, begin, bytes, format: this.format, now, version: this.version });
  }

  /** Drops the bytes the reader has read past. */
  private trim(): void {
    const consumed = this.reader.offset() - this.pendingAt;
    this.pending = this.pending.subarray(consumed);
    this.pendingAt += consumed;
  }

  private keep(bytes: Uint8Array): void {
    this.trim();
    const joined = new Uint8Array(this.pending.length + bytes.length);
    joined.set(this.pending);
    joined.set(bytes, this.pending.length);
    this.pending = joined;
  }

  /** `for await (const event of log)`: follows the log, as iterating over the Python object does. */
  [Symbol.asyncIterator](): AsyncGenerator<JobEvent, void, undefined> {
    return this.events(null);
  }

  /** Stops reading and lets go of the file or stream. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.source.close();
    this.reader.delete();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

function versionOf(text: string): readonly [number, number] {
  const match = /^(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) throw new HTCondorValueError(`htcondorVersion must look like "23.9.6", not "${text}"`);
  return [Number(match[1]), Number(match[2] ?? 0)];
}

function sourceOf(source: JobEventLogSource, offset: number): ByteSource {
  if (typeof source === 'string') return /^(https?|blob|data):/i.test(source) ? new UrlSource(new URL(source), offset) : new FileSource(source, offset);
  if (source instanceof URL) return source.protocol === 'file:' ? new FileSource(decodeURIComponent(source.pathname), offset) : new UrlSource(source, offset);
  if (source instanceof Uint8Array) return new FixedSource(source, offset, 'bytes');
  if (source instanceof ArrayBuffer) return new FixedSource(new Uint8Array(source), offset, 'bytes');
  if (typeof Blob !== 'undefined' && source instanceof Blob) return new FixedSource(source, offset, 'name' in source ? String(source.name) : 'blob');
  if (typeof source === 'object' && source !== null && ('getReader' in source || Symbol.asyncIterator in source)) return new StreamSource(source);
  throw new HTCondorValueError('a job event log is a path, URL, File, Blob, bytes or a stream');
}
