// The answer of a job query or a history request as it streams in: Python's QueryIterator.
// Ads arrive from the worker a chunk at a time; the next chunk is asked for while this one is
// read, and the worker stops reading from the schedd while a chunk waits, so memory stays
// bounded by a few chunks however long the answer is.
import type { ClassAd } from '../../classad/classad.js';
import type { OpenedOperation, OperationItem, Records } from '../../core/port.js';
import { core } from '../../core/provider.js';
import { HTCondorIOError } from '../../errors.js';
import { wireAds } from '../wire-ad.js';
import { BlockingMode } from './enums.js';

/** Ads per step from the worker. */
export const QUERY_CHUNK = 1000;

/** Checks the end ad; throws what it reports. Returns it. */
export type EndCheck = (end: ClassAd, received: number) => void;

export class QueryIterator implements AsyncIterableIterator<ClassAd> {
  readonly #tag: string;
  readonly #check: EndCheck;
  readonly #summaryOnly: boolean;
  #id: number;
  #ads: ClassAd[] = [];
  #received = 0;
  #finished = false;
  #error: unknown;
  #fetching: Promise<void> | undefined;
  #end: ClassAd | undefined;
  #watchers: (() => void)[] = [];

  /**
   * @internal Made by Schedd.xquery and Schedd.history. `summaryOnly`: the end ad (the schedd's
   * summary, without its Owner marker) is the one result.
   */
  constructor(first: OpenedOperation, tag: string, check: EndCheck, summaryOnly = false) {
    this.#id = first.id;
    this.#tag = tag;
    this.#check = check;
    this.#summaryOnly = summaryOnly;
    this.#take(first.items, first.done);
    this.#fetch();
  }

  /** The name given to xquery, for telling iterators apart in poll(). */
  tag(): string {
    return this.#tag;
  }

  /** True once every ad of the answer was received (some may not be read yet). */
  done(): boolean {
    return this.#finished && this.#ads.length === 0;
  }

  /** The answer's end ad (the schedd's summary), once it arrived. */
  summary(): ClassAd | undefined {
    return this.#end;
  }

  /** Resolves when ads are ready to read without waiting, or the answer is complete. */
  watch(): Promise<void> {
    if (this.#ads.length > 0 || this.#finished) return Promise.resolve();
    return new Promise((resolve) => this.#watchers.push(resolve));
  }

  /** Every ad that arrived and was not read yet; [] when none (never waits, never throws for the end). */
  nextAdsNonBlocking(): ClassAd[] {
    if (this.#ads.length === 0 && this.#error !== undefined) this.#throwOnce();
    const ads = this.#ads;
    this.#ads = [];
    this.#fetch();
    return ads;
  }

  /** The next ad. NonBlocking: `value` is undefined when none has arrived yet. */
  async next(mode: BlockingMode = BlockingMode.Blocking): Promise<IteratorResult<ClassAd, undefined>> {
    while (this.#ads.length === 0 && !this.#finished && mode === BlockingMode.Blocking) await this.#fetch();
    if (this.#ads.length > 0) {
      const ad = this.#ads.shift()!;
      this.#fetch();
      return { done: false, value: ad };
    }
    if (this.#error !== undefined) this.#throwOnce();
    if (this.#finished) return { done: true, value: undefined };
    return { done: false, value: undefined as unknown as ClassAd };
  }

  /** Stops reading: the connection to the schedd closes. */
  async return(): Promise<IteratorResult<ClassAd, undefined>> {
    this.close();
    return { done: true, value: undefined };
  }

  close(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#ads = [];
    void core().operationCancel(this.#id).catch(() => {});
    this.#wake();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #throwOnce(): never {
    const error = this.#error;
    this.#error = undefined;
    throw error;
  }

  // The worker ends the answer at its end ad and reports the end in the same step: the end ad
  // is the last record of the step marked done, so no ad needs looking into to find it.
  #take(items: OperationItem[], done: boolean): void {
    const ads = items.flatMap((records) => wireAds(records as Records));
    const end = done ? ads.pop() : undefined;
    this.#received += ads.length;
    this.#ads = this.#ads.length === 0 ? ads : this.#ads.concat(ads);
    if (!done) return;
    if (!end) throw new HTCondorIOError('the schedd ended its answer without its end ad');
    this.#end = end;
    this.#finished = true;
    this.#check(end, this.#received);
    if (this.#summaryOnly) {
      end.delete('Owner');
      this.#ads.push(end);
    }
  }

  // Asks for the next chunk unless the answer is complete or a chunk is still unread.
  #fetch(): Promise<void> {
    if (this.#finished || (this.#ads.length >= QUERY_CHUNK && !this.#fetching)) return Promise.resolve();
    this.#fetching ??= core()
      .operationNext(this.#id)
      .then((step) => this.#take(step.items, step.done))
      .catch((error: unknown) => {
        this.#error = error;
        this.#finished = true;
      })
      .finally(() => {
        this.#fetching = undefined;
        this.#wake();
      });
    return this.#fetching;
  }

  #wake(): void {
    const watchers = this.#watchers;
    this.#watchers = [];
    for (const w of watchers) w();
  }
}
