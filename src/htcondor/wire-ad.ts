// Ads as daemons send them in query answers: wire lines ("Name = Expr"), parsed once here.
import { AdRun } from '../classad/ad-run.js';
import { ClassAd } from '../classad/classad.js';
import { engine } from '../classad/engine.js';
import type { Records } from '../core/port.js';
import { HTCondorIOError } from '../errors.js';

/** A run of ads as the worker hands them over, parsed in one call into the core. */
export function wireAds(records: Records): ClassAd[] {
  const handle = engine().parseWireAds(records.bytes, records.ends);
  if (!handle) throw new HTCondorIOError(`the daemon sent an ad that does not parse: ${engine().lastParseError()}`);
  const run = new AdRun(handle);
  return Array.from(records.ends, (_, index) => ClassAd.fromRun(run, index));
}
