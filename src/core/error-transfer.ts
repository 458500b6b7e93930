/**
 * How errors cross the worker boundary. Comlink's own handler keeps only name, message and
 * stack of a thrown Error and rebuilds a plain Error; this one keeps `cause` too (recursively)
 * and rebuilds the library's exception classes by name, so `instanceof HTCondorIOError` holds
 * whether the core runs in a worker or in the calling thread. Both sides import this module.
 */
import * as Comlink from 'comlink';

import * as classad from '../classad/errors.js';
import * as htcondor from '../errors.js';

interface ErrorData {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly cause?: unknown;
}

const classes: Record<string, new (message: string, options?: { cause?: unknown }) => Error> = {
  ...(htcondor as unknown as Record<string, new (message: string) => Error>),
  ...(classad as unknown as Record<string, new (message: string) => Error>),
  TypeError,
  RangeError,
};

function toData(error: Error): ErrorData {
  const cause = error.cause instanceof Error ? toData(error.cause) : error.cause;
  return { name: error.name, message: error.message, ...(error.stack && { stack: error.stack }), ...(cause !== undefined && { cause }) };
}

function fromData(data: ErrorData): Error {
  const cause = isErrorData(data.cause) ? fromData(data.cause) : data.cause;
  const Type = Object.hasOwn(classes, data.name) ? classes[data.name]! : Error;
  const error = new Type(data.message, cause === undefined ? undefined : { cause });
  if (Type === Error) error.name = data.name;
  if (data.stack) error.stack = data.stack;
  return error;
}

function isErrorData(value: unknown): value is ErrorData {
  return typeof value === 'object' && value !== null && typeof (value as ErrorData).name === 'string' &&
    typeof (value as ErrorData).message === 'string';
}

type Thrown = { value: unknown };
type Serialized = { isError: boolean; value: unknown };
const comlinkThrow = Comlink.transferHandlers.get('throw') as Comlink.TransferHandler<Thrown, Serialized>;

Comlink.transferHandlers.set('throw', {
  canHandle: comlinkThrow.canHandle,
  serialize: (thrown: Thrown): [Serialized, Transferable[]] =>
    thrown.value instanceof Error ? [{ isError: true, value: toData(thrown.value) }, []] : comlinkThrow.serialize(thrown),
  deserialize: (serialized: Serialized): never => {
    throw serialized.isError && isErrorData(serialized.value) ? fromData(serialized.value) : serialized.value;
  },
} satisfies Comlink.TransferHandler<Thrown, Serialized>);
