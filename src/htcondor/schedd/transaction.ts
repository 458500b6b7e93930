// A queue transaction (v1 Schedd.transaction): one QMGMT connection on which submits and edits
// run, committed once when it ends well and aborted otherwise. `await using` disposes it: it
// commits unless a call in it failed or abort() was called; Schedd.transaction's callback form
// also aborts when the callback throws.
import { ClassAd } from '../../classad/classad.js';
import { HTCondorIOError } from '../../errors.js';
import { answer, CallKind } from './queue-calls.js';
import type { QueueConnection } from './queue-connection.js';

export class Transaction implements AsyncDisposable {
  readonly #queue: QueueConnection;
  readonly #flags: number;
  readonly #onEnd: () => void;
  #failed = false;
  #ended = false;

  /** @internal Made by Schedd.transaction. */
  constructor(queue: QueueConnection, flags: number, onEnd: () => void) {
    this.#queue = queue;
    this.#flags = flags;
    this.#onEnd = onEnd;
  }

  /** @internal The connection calls in this transaction use; a failure marks the transaction failed. */
  async run<T>(body: (queue: QueueConnection) => Promise<T>): Promise<T> {
    if (this.#ended) throw new HTCondorIOError('the transaction has ended');
    try {
      return await body(this.#queue);
    } catch (error) {
      this.#failed = true;
      throw error;
    }
  }

  get active(): boolean {
    return !this.#ended;
  }

  /** Commits what the transaction did (one commit) and closes it; the schedd's warnings, if any. */
  async commit(): Promise<string | undefined> {
    if (this.#failed) {
      await this.abort();
      throw new HTCondorIOError('a call in the transaction failed: it was aborted');
    }
    this.#end();
    try {
      const [reply] = await this.#queue.call([{ kind: CallKind.Commit, flags: this.#flags }]);
      const ad = new ClassAd(answer(reply!).value);
      const warning = ad.get('WarningReason');
      ad.dispose();
      return typeof warning === 'string' ? warning : undefined;
    } catch (error) {
      throw new HTCondorIOError(`Unable to commit transaction: ${(error as Error).message}`, { cause: error });
    } finally {
      await this.#queue.close();
    }
  }

  /** Drops everything the transaction did. */
  async abort(): Promise<void> {
    this.#end();
    await this.#queue.cancel();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#ended) return;
    if (this.#failed) await this.abort();
    else await this.commit();
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#onEnd();
  }
}
