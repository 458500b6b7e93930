import { ClassAd } from '../classad/classad.js';
import { Owned } from '../classad/lifetime.js';
import { HTCondorValueError } from '../errors.js';
import { checkItem, type QueueItem } from './queue-items-iterator.js';
import { failed, raise, type JobsHandle, type SubmitHandle } from './submit/core.js';

// The async iteration lets the event loop run this often, so a 100,000-proc submit stays responsive.
const YIELD_EVERY = 256;

/**
 * The job ads of `Submit.jobs()` / `Submit.procs()`, as the Python bindings' `SubmitJobsIterator`:
 * made one at a time as they are asked for. Iterable once, synchronously or asynchronously
 * (item data given as an async iterable needs the latter). `clusterad()` is the cluster ad the
 * proc ads chain to, once the first ad is made.
 */
export class SubmitJobsIterator extends Owned<JobsHandle> implements IterableIterator<ClassAd>, AsyncIterable<ClassAd> {
  private readonly items: Iterator<QueueItem> | AsyncIterator<QueueItem> | undefined;
  private finished = false;

  /** @internal Made by Submit.jobs() and Submit.procs(). */
  constructor(
    private readonly submit: SubmitHandle,
    handle: JobsHandle,
    itemdata: Iterable<QueueItem> | AsyncIterable<QueueItem> | undefined,
  ) {
    super(handle);
    if (itemdata !== undefined) {
      this.items = Symbol.iterator in itemdata ? itemdata[Symbol.iterator]() : (itemdata as AsyncIterable<QueueItem>)[Symbol.asyncIterator]();
    }
  }

  /** The cluster ad (its attributes, without any proc's), or undefined before the first job. */
  clusterad(): ClassAd | undefined {
    const ad = this.handle.clusterAd();
    return ad ? ClassAd.fromHandle(ad) : undefined;
  }

  next(): IteratorResult<ClassAd, undefined> {
    for (;;) {
      const ad = this.made();
      if (ad !== null) return ad;
      const item = this.items?.next();
      if (item instanceof Promise) throw new HTCondorValueError('item data given as an async iterable: iterate the jobs with for await');
      if (!this.feed(item)) return this.end();
    }
  }

  private async nextAsync(): Promise<IteratorResult<ClassAd, undefined>> {
    for (;;) {
      const ad = this.made();
      if (ad !== null) return ad;
      if (!this.feed(await this.items?.next())) return this.end();
    }
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** The same ads, with a pause for the event loop now and then. */
  async *[Symbol.asyncIterator](): AsyncGenerator<ClassAd, void, undefined> {
    for (let n = 1; ; n++) {
      const next = await this.nextAsync();
      if (next.done) return;
      yield next.value;
      if (n % YIELD_EVERY === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  // The next ad the core makes; null when it needs the next item.
  private made(): IteratorResult<ClassAd, undefined> | null {
    if (this.finished) return { done: true, value: undefined };
    const ad = this.handle.next();
    if (failed(ad)) {
      this.end();
      raise(ad);
    }
    if (ad) return { done: false, value: ClassAd.fromHandle(ad) };
    return this.items ? null : this.end();
  }

  private feed(item: IteratorResult<QueueItem> | undefined): boolean {
    if (!item || item.done) return false;
    const value = item.value;
    checkItem(value);
    const result = this.submit.feedItem(this.handle, value);
    if (result) raise(result);
    return true;
  }

  private end(): IteratorResult<ClassAd, undefined> {
    this.finished = true;
    return { done: true, value: undefined };
  }
}
