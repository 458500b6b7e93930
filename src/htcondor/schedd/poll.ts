// htcondor.poll: several query iterators read as their ads arrive (Python's BulkQueryIterator).
import { HTCondorIOError } from '../../errors.js';
import type { QueryIterator } from './query-iterator.js';

/**
 * Yields each iterator that has ads ready (read them with nextAdsNonBlocking), until all are
 * done. Waiting longer than `timeoutMs` (negative: no limit) for any of them fails with
 * HTCondorIOError.
 */
export class BulkQueryIterator implements AsyncIterableIterator<QueryIterator> {
  readonly #pending: Set<QueryIterator>;
  readonly #timeoutMs: number;

  /** @internal Made by poll(). */
  constructor(queries: Iterable<QueryIterator>, timeoutMs: number) {
    this.#pending = new Set(queries);
    this.#timeoutMs = timeoutMs;
  }

  async next(): Promise<IteratorResult<QueryIterator, undefined>> {
    for (const q of this.#pending) if (q.done()) this.#pending.delete(q);
    if (this.#pending.size === 0) return { done: true, value: undefined };
    const ready = Promise.race([...this.#pending].map((q) => q.watch().then(() => q)));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = this.#timeoutMs < 0 ? undefined : new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HTCondorIOError('Timeout when waiting for remote host')), this.#timeoutMs);
    });
    try {
      const q = await (timeout ? Promise.race([ready, timeout]) : ready);
      return { done: false, value: q };
    } finally {
      clearTimeout(timer);
    }
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

export function poll(queries: Iterable<QueryIterator>, timeoutMs = 20_000): BulkQueryIterator {
  return new BulkQueryIterator(queries, timeoutMs);
}
