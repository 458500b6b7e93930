/**
 * The exception types of HTCondor's Python bindings (`htcondor` module, version 1), with the
 * same names. Errors thrown in the worker reach the caller as instances of these classes, with
 * `name`, `message` and `cause` intact (see core/error-transfer.ts).
 */
export class HTCondorException extends Error {
  override name: string = 'HTCondorException';
}

/** An enumeration value that is not one of its members. */
export class HTCondorEnumError extends HTCondorException {
  override name = 'HTCondorEnumError';
}

/** Something inside the library failed: a bug, or its core/worker could not run. */
export class HTCondorInternalError extends HTCondorException {
  override name = 'HTCondorInternalError';
}

/** A daemon could not be reached, went away, timed out, refused us, or sent what is not HTCondor's protocol. */
export class HTCondorIOError extends HTCondorException {
  override name = 'HTCondorIOError';
}

/** The collector does not know the daemon asked for. */
export class HTCondorLocateError extends HTCondorException {
  override name = 'HTCondorLocateError';
}

/** A daemon answered, but with an error of its own. */
export class HTCondorReplyError extends HTCondorException {
  override name = 'HTCondorReplyError';
}

/** An argument of the wrong type. */
export class HTCondorTypeError extends HTCondorException {
  override name = 'HTCondorTypeError';
}

/** An argument that cannot be used (a bad address, an unknown ad type). */
export class HTCondorValueError extends HTCondorException {
  override name = 'HTCondorValueError';
}
