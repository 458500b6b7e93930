// JavaScript functions callable from ClassAd expressions, as Python's classad.register.
import { engine } from './engine.js';
import { valueOf } from './expr-tree.js';
import { isIdentifier, literalText } from './literal-text.js';
import type { ClassAdValue } from './value.js';

/**
 * Makes `fn` callable from ClassAd expressions as `name` (default: the function's name;
 * matched without case; a built-in of the same name wins). It receives its arguments
 * evaluated, as JavaScript values, and returns one; a function that throws or returns
 * something with no ClassAd form makes the call evaluate to error.
 */
export function register(fn: (...args: ClassAdValue[]) => unknown, name: string = fn.name): void {
  if (!isIdentifier(name)) throw new TypeError(`'${name}' is not a function name`);
  engine().registerFunction(name, (texts) => {
    try {
      return literalText(fn(...texts.map(valueOf)), (s) => engine().quote(s));
    } catch {
      return null;
    }
  });
}
