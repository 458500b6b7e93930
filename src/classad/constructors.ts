// Building expressions from parts, as Python's classad.Attribute, classad.Literal and
// classad.Function.
import { engine } from './engine.js';
import { ExprTree } from './expr-tree.js';
import { attrName, isIdentifier, literalText, realText } from './literal-text.js';

const quote = (s: string) => engine().quote(s);

/** A reference to attribute `name` (quoted as 'name' where it is not a plain, unreserved identifier). */
export function Attribute(name: string): ExprTree {
  return new ExprTree(attrName(name));
}

/** A literal of a JavaScript value (see the value mapping); Literal.real(2) makes the real 2.0. */
export function Literal(value: unknown): ExprTree {
  return new ExprTree(literalText(value, quote));
}
Literal.real = (n: number): ExprTree => new ExprTree(realText(n));

/** A call of the ClassAd function `name` with expressions or values as arguments. */
export function Function(name: string, ...args: unknown[]): ExprTree {
  if (!isIdentifier(name)) throw new TypeError(`'${name}' is not a function name`);
  return new ExprTree(`${name}(${args.map((a) => literalText(a, quote)).join(',')})`);
}
