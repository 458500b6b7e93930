import { ClassAd } from '../classad/classad.js';
import { engine } from '../classad/engine.js';
import { valueOf } from '../classad/expr-tree.js';
import type { ClassAdValue } from '../classad/value.js';
import { HTCondorInternalError } from '../errors.js';
import { eventLogCore, type EventSource } from './event-log/core.js';
import type { JobEventType } from './job-event-type.js';

/** As the bindings: an event missing a field its ad requires has no ad. */
function noAd(): never {
  throw new HTCondorInternalError('Failed to convert event to class ad');
}

/**
 * One event of a job event log, as the Python bindings' `htcondor.JobEvent`: its type, job id
 * and time, and its fields, read like a dict (names in any case). `String(event)` is the event
 * in HTCondor's classic log format; `ad` is the event's ClassAd. Both are made when first asked
 * for, from the event's bytes, so reading a log costs little per event.
 */
export class JobEvent implements Iterable<string>, Disposable {
  private ad_: ClassAd | undefined;

  /** @internal Events come from JobEventLog.events(). */
  constructor(
    readonly type: JobEventType,
    readonly cluster: number,
    readonly proc: number,
    /** Seconds since the epoch. */
    readonly timestamp: number,
    private readonly source: EventSource,
  ) {}

  /** The event's ClassAd. */
  get ad(): ClassAd {
    if (!this.ad_) {
      const { reader, begin, bytes, format, now, version } = this.source;
      const recent = reader.isDeleted() ? undefined : reader.recentAd(begin);
      const handle = recent !== undefined ? recent : eventLogCore().eventAd(bytes, format, now, ...version);
      if (!handle) noAd();
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
    // A recent event's field comes from its reader, with no ad handle made for it.
    const { reader, begin } = this.source;
    let json = this.ad_ || reader.isDeleted() ? undefined : reader.recentField(begin, key);
    if (json === 'noad') noAd();
    json ??= engine().evalAttr(this.ad.adHandle, key, null);
    return json === 'null' ? (fallback as T) : valueOf(json);
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
  toString(): string {
    const { reader, begin, bytes, format, now, version } = this.source;
    return (reader.isDeleted() ? undefined : reader.recentText(begin)) ?? eventLogCore().eventText(bytes, format, now, ...version);
  }

  /** Frees the event's ad now, if it was made (otherwise the garbage collector does). */
  dispose(): void {
    this.ad_?.dispose();
    this.ad_ = undefined;
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}
