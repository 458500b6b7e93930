import { engine } from './engine.js';
import { ClassAdValueError } from './errors.js';

/** A string as a ClassAd string literal, with HTCondor's escapes: quote('a"b') is "a\"b". */
export function quote(text: string): string {
  return engine().quote(text);
}

/** The string a ClassAd string literal stands for; throws ClassAdValueError for anything else. */
export function unquote(text: string): string {
  const value = engine().unquote(text);
  if (value === null) throw new ClassAdValueError(`${JSON.stringify(text)} is not a ClassAd string literal`);
  return value;
}
