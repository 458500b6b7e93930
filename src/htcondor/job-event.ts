import { ClassAd } from '../classad/classad.js';
import { HTCondorInternalError } from '../errors.js';
import { Owned } from '../classad/lifetime.js';
import type { ClassAdValue } from '../classad/value.js';
import type { EventHandle } from './event-log/core.js';
import type { JobEventType } from './job-event-type.js';

/**
 * One event of a job event log, as the Python bindings' `htcondor.JobEvent`: its type, job id
 * and time, and its fields, read like a dict (names in any case). `String(event)` is the event
 * in HTCondor's classic log format; `ad` is the event's ClassAd.
 */
export class JobEvent extends Owned<EventHandle> implements Iterable<string> {
  readonly type: JobEventType;
  readonly cluster: number;
  readonly proc: number;
  /** Seconds since the epoch. */
  readonly timestamp: number;
  private ad_: ClassAd | undefined;

  /** @internal Events come from JobEventLog.events(). */
  constructor(handle: EventHandle) {
    super(handle);
    this.type = handle.type() as JobEventType;
    this.cluster = handle.cluster();
    this.proc = handle.proc();
    this.timestamp = handle.timestamp();
  }

  /** The event's ClassAd (made on first use, as the bindings do). */
  get ad(): ClassAd {
    if (!this.ad_) {
      const handle = this.handle.ad();
      // As the bindings: an event missing a field its ad requires has none.
      if (!handle) throw new HTCondorInternalError('Failed to convert event to class ad');
      this.ad_ = ClassAd.fromHandle(handle);
    }
    return this.ad_;
  }

  /** The number of fields. */
  get size(): number {
    return this.ad.size;
  }

  has(key: string): boolean {
    return this.ad.has(key);
  }

  /** The value of field `key` (any case), or `fallback` when the event has no such field. */
  get<T = undefined>(key: string, fallback?: T): ClassAdValue | T {
    return this.ad.has(key) ? this.ad.eval(key) : (fallback as T);
  }

  keys(): string[] {
    return this.ad.keys();
  }

  values(): ClassAdValue[] {
    return this.keys().map((key) => this.ad.eval(key));
  }

  items(): [string, ClassAdValue][] {
    return this.keys().map((key) => [key, this.ad.eval(key)]);
  }

  [Symbol.iterator](): Iterator<string> {
    return this.keys()[Symbol.iterator]();
  }

  /** The event as HTCondor writes it in a classic-format log. */
  override toString(): string {
    return this.handle.text();
  }

  override dispose(): void {
    this.ad_?.dispose();
    super.dispose();
  }
}
