// A connection to a schedd's job queue (QMGMT): the worker's conversation, one batch of calls
// at a time. The schedd aborts whatever is not committed when the connection ends, so closing
// without a commit, or a failed call, leaves nothing behind.
import type { OperationStep, TargetRequest } from '../../core/port.js';
import { core } from '../../core/provider.js';
import { HTCondorIOError } from '../../errors.js';
import { encodeCalls, type QueueCall } from './queue-calls.js';

export class QueueConnection {
  #id: number;
  #open = true;
  /** Calls run one batch at a time, in the order they were made. */
  #last: Promise<unknown> = Promise.resolve();

  private constructor(id: number) {
    this.#id = id;
  }

  static async open(request: TargetRequest, write = true): Promise<QueueConnection> {
    const first = await core().qmgmt({ ...request, write });
    if (first.done || first.items[0] !== 'ready') throw new HTCondorIOError('the schedd closed the queue connection at once');
    return new QueueConnection(first.id);
  }

  get open(): boolean {
    return this.#open;
  }

  /** The answers of a batch, in order (see ops/qmgmt.hpp). A failed call ends the connection. */
  call(calls: readonly QueueCall[] | Uint8Array): Promise<string[]> {
    const bytes = calls instanceof Uint8Array ? calls : encodeCalls(calls);
    const run = this.#last.then(async () => {
      if (!this.#open) throw new HTCondorIOError('the queue connection is closed');
      if (bytes.length === 0) return [];
      const step = await this.#step(bytes);
      return step.items as string[];
    });
    this.#last = run.catch(() => {});
    return run;
  }

  /** Ends the conversation (CloseSocket); what was not committed is aborted. */
  async close(): Promise<void> {
    await this.#last;
    if (!this.#open) return;
    await this.#step(new Uint8Array(0)).catch(() => {});
    this.#open = false;
  }

  /** Drops the connection at once: the schedd aborts the transaction. */
  async cancel(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    await core().operationCancel(this.#id);
  }

  async #step(input: Uint8Array): Promise<OperationStep> {
    try {
      const step = await core().operationNext(this.#id, input);
      if (step.done) this.#open = false;
      return step;
    } catch (error) {
      this.#open = false;
      throw error;
    }
  }
}
