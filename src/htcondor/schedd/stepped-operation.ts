// A core operation that goes on after its first step (a conversation, or a stream of results),
// driven by its caller step by step; an AbortSignal cancels it at the next step or while one
// is under way, and the call then rejects with HTCondorIOError (cause: the signal's reason).
import type { OpenedOperation, OperationStep } from '../../core/port.js';
import { core } from '../../core/provider.js';
import { HTCondorIOError } from '../../errors.js';

export class SteppedOperation {
  #id: number | undefined;
  #aborted: Promise<never>;
  #onAbort: () => void;

  private constructor(private readonly signal: AbortSignal | undefined, private readonly what: string) {
    let reject!: (error: Error) => void;
    this.#aborted = new Promise<never>((_, r) => (reject = r));
    this.#aborted.catch(() => {});
    this.#onAbort = () => {
      if (this.#id !== undefined) void core().operationCancel(this.#id).catch(() => {});
      reject(this.abortError());
    };
    signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** Starts the operation; resolves with it and its first step. */
  static async open(start: () => Promise<OpenedOperation>, signal: AbortSignal | undefined, what: string): Promise<[SteppedOperation, OperationStep]> {
    const op = new SteppedOperation(signal, what);
    if (signal?.aborted) throw op.abortError();
    try {
      const first = await Promise.race([start(), op.#aborted]);
      op.#id = first.id;
      if (signal?.aborted) {
        op.cancel();
        throw op.abortError();
      }
      if (first.done) op.#finish();
      return [op, first];
    } catch (error) {
      op.#finish();
      throw error;
    }
  }

  /** The next step; `input` answers an operation that asked for it. */
  async next(input?: string | Uint8Array): Promise<OperationStep> {
    try {
      const step = await Promise.race([core().operationNext(this.#id!, input), this.#aborted]);
      if (step.done) this.#finish();
      return step;
    } catch (error) {
      this.#finish();
      throw this.signal?.aborted ? this.abortError() : error;
    }
  }

  /** Ends the operation early (the caller failed while it ran). */
  cancel(): void {
    if (this.#id !== undefined) void core().operationCancel(this.#id).catch(() => {});
    this.#finish();
  }

  private abortError(): HTCondorIOError {
    return new HTCondorIOError(`${this.what} was aborted`, { cause: this.signal?.reason });
  }

  #finish(): void {
    this.signal?.removeEventListener('abort', this.#onAbort);
  }
}
