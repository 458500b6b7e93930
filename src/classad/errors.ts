// The exception types of HTCondor's Python `classad` module.
export class ClassAdException extends Error {
  override name: string = 'ClassAdException';
}
/** Text that is not a valid ClassAd, expression or literal. */
export class ClassAdParseError extends ClassAdException {
  override name = 'ClassAdParseError';
}
/** A value of the right type but not acceptable (e.g. a string that is not a string literal). */
export class ClassAdValueError extends ClassAdException {
  override name = 'ClassAdValueError';
}
/** A value of a type the operation cannot take. */
export class ClassAdTypeError extends ClassAdException {
  override name = 'ClassAdTypeError';
}
/** Evaluation failed (for example a circular reference), as opposed to evaluating to error. */
export class ClassAdEvaluationError extends ClassAdException {
  override name = 'ClassAdEvaluationError';
}
