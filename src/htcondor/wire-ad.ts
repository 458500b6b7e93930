// Ads as daemons send them in query answers: wire lines ("Name = Expr"), parsed once here.
import { ClassAd } from '../classad/classad.js';
import { engine } from '../classad/engine.js';
import { HTCondorIOError } from '../errors.js';

export function wireAd(lines: string | Uint8Array): ClassAd {
  const handle = engine().parseWireAd(lines);
  if (!handle) throw new HTCondorIOError(`the daemon sent an ad that does not parse: ${engine().lastParseError()}`);
  return ClassAd.fromHandle(handle);
}

/** The end ad of a schedd's query answer: an integer Owner of 0. */
export function isEndAd(ad: ClassAd): boolean {
  return ad.get('Owner') === 0;
}
