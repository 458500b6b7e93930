/**
 * The exception types of HTCondor's Python bindings. Errors cross the worker boundary as
 * plain data (Comlink keeps `name`, `message` and `stack`); `reviveError` gives them back
 * their class on the main thread, so `instanceof` works the same with or without a worker.
 */
export class HTCondorException extends Error {
  override name: string = 'HTCondorException';
}

/** Something inside the library failed: a bug, or its core/worker could not run. */
export class HTCondorInternalError extends HTCondorException {
  override name = 'HTCondorInternalError';
}

/** A daemon could not be reached, went away, timed out, or sent what is not HTCondor's protocol. */
export class HTCondorIOError extends HTCondorException {
  override name = 'HTCondorIOError';
}

/** An argument that cannot be used (a bad address, an unknown ad type). */
export class HTCondorValueError extends HTCondorException {
  override name = 'HTCondorValueError';
}

const byName: Record<string, new (message: string) => HTCondorException> = {
  HTCondorException,
  HTCondorInternalError,
  HTCondorIOError,
  HTCondorValueError,
};

export function reviveError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof HTCondorException) return error;
  const Type = byName[error.name];
  if (!Type) return error;
  const revived = new Type(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}
