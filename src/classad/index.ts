// The `classad` module of HTCondor's Python bindings.
export { ClassAd } from './classad.js';
export { engineMemoryBytes } from './diagnostics.js';
export { Attribute, Function, Literal } from './constructors.js';
export {
  ClassAdEvaluationError,
  ClassAdException,
  ClassAdParseError,
  ClassAdTypeError,
  ClassAdValueError,
} from './errors.js';
export { ExprTree } from './expr-tree.js';
export { ParserType, parseAds, parseNext, parseOne } from './parse.js';
export { quote, unquote } from './quote.js';
export { register } from './register.js';
export { Value, type ClassAdValue } from './value.js';
