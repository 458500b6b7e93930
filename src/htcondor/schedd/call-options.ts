// What every Schedd call takes besides its arguments: an AbortSignal and a timeout.
import type { TargetRequest } from '../../core/port.js';
import { core } from '../../core/provider.js';
import { HTCondorIOError } from '../../errors.js';

export interface CallOptions {
  /** Aborting stops the call: its connection closes (an open transaction is aborted by the schedd). */
  readonly signal?: AbortSignal;
  /** Seconds the call may take (default: the Schedd's ConnectionOptions.timeout, 30). */
  readonly timeout?: number;
}

let nextOperation = 1;

/**
 * Runs a call as one core operation under a fresh id, so an abort can cancel it at any point;
 * the call then rejects with HTCondorIOError (cause: the signal's reason).
 */
export async function cancellable<T>(request: TargetRequest, options: CallOptions | undefined, start: (request: TargetRequest) => Promise<T>): Promise<T> {
  const signal = options?.signal;
  const aborted = () => new HTCondorIOError('the call was aborted', { cause: signal?.reason });
  if (signal?.aborted) throw aborted();
  const operation = nextOperation++;
  const withId = { ...request, operation, ...(options?.timeout !== undefined && { timeoutSeconds: options.timeout }) };
  if (!signal) return start(withId);
  let onAbort: (() => void) | undefined;
  const abort = new Promise<never>((_, reject) => {
    onAbort = () => {
      void core().operationCancel(operation).catch(() => {});
      reject(aborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([start(withId), abort]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
