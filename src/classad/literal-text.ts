// JavaScript values as ClassAd literal text, the way values enter the engine (the parser is
// the one place that builds literals, so set(name, value) means what the same text means).
import { ClassAdTypeError } from './errors.js';
import { Value } from './value.js';

export interface Unparsable {
  unparse(): string;
}

export function literalText(value: unknown, quote: (s: string) => string): string {
  if (value === Value.Undefined) return 'undefined';
  if (value === Value.Error) return 'error';
  switch (typeof value) {
    case 'boolean': return value ? 'true' : 'false';
    case 'bigint': return value.toString();
    case 'string': return quote(value);
    case 'number': return numberText(value);
    case 'object': {
      if (value === null) return 'undefined';
      if (value instanceof Date) return `absTime(${Math.floor(value.getTime() / 1000)})`;
      if (Array.isArray(value)) return `{ ${value.map((v) => literalText(v, quote)).join(', ')} }`;
      if (typeof (value as Unparsable).unparse === 'function') return (value as Unparsable).unparse();
      const entries = Object.entries(value as Record<string, unknown>);
      return `[ ${entries.map(([k, v]) => `${attrName(k)} = ${literalText(v, quote)}`).join('; ')} ]`;
    }
    default:
      throw new ClassAdTypeError(`a ${typeof value} cannot be a ClassAd value`);
  }
}

// Whole numbers become integers and others reals, as JavaScript cannot tell 1 from 1.0; use
// Literal.real() for a real with an integral value.
function numberText(n: number): string {
  if (Number.isNaN(n)) return 'real("NaN")';
  if (!Number.isFinite(n)) return n > 0 ? 'real("INF")' : 'real("-INF")';
  if (Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) return String(n);
  return realText(n);
}

export function realText(n: number): string {
  if (!Number.isFinite(n)) return numberText(n);
  const text = String(n);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** A plain ClassAd identifier: a letter or _, then letters, digits and _. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

// Names that read as something else unquoted, as HTCondor's unparser lists them.
const RESERVED = new Set(['error', 'false', 'is', 'isnt', 'parent', 'true', 'undefined']);

/** An attribute name as ClassAd text: quoted as 'name' unless a plain, unreserved identifier. */
export function attrName(name: string): string {
  if (isIdentifier(name) && !RESERVED.has(name.toLowerCase())) return name;
  return `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
