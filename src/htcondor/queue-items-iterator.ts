import { HTCondorValueError } from '../errors.js';
import { Owned } from '../classad/lifetime.js';
import type { ItemsHandle } from './submit/core.js';

/**
 * One item of a queue statement: a string for `queue in` / `matching`, the variables' values
 * for `queue a,b from`. Item data given to `jobs()` may also be an array of strings (variables
 * Item, Item1, Item2, ... unless an earlier object named them), as in the Python bindings.
 */
export type QueueItem = string | readonly string[] | Readonly<Record<string, string>>;

/** An item given as item data must be a string, an array or an object (of strings, which the core checks). */
export function checkItem(value: unknown): asserts value is QueueItem {
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null)) {
    throw new HTCondorValueError(`an item must be a string or an object of strings, not ${typeof value}`);
  }
}

// Items cross from the core in batches: one call per item would cost more than the item.
const BATCH = 512;

/**
 * The items of a queue statement, as the Python bindings' `QueueItemsIterator`
 * (`Submit.itemdata()`): iterable once, also asynchronously, so a long list from a file streams.
 */
export class QueueItemsIterator extends Owned<ItemsHandle> implements IterableIterator<QueueItem>, AsyncIterable<QueueItem> {
  private batch: QueueItem[] = [];
  private done = false;

  /** @internal Made by Submit.itemdata(). */
  constructor(handle: ItemsHandle) {
    super(handle);
  }

  next(): IteratorResult<QueueItem, undefined> {
    if (this.batch.length === 0 && !this.done) {
      const more = this.handle.next(BATCH);
      this.batch = more.reverse();
      if (more.length === 0) {
        this.done = true;
        this.dispose();
      }
    }
    const item = this.batch.pop();
    return item === undefined ? { done: true, value: undefined } : { done: false, value: item };
  }

  [Symbol.iterator](): this {
    return this;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<QueueItem, void, undefined> {
    yield* this;
  }
}
