import { ClassAd } from '../classad/classad.js';
import { core } from '../core/provider.js';
import { HTCondorValueError } from '../errors.js';
import { AdTypes, adTypeQuery } from './ad-types.js';

/** How long a collector call may take before it fails with HTCondorIOError. */
const DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * A pool's collector, as the Python bindings' `htcondor.Collector`. `pool` is `host[:port]`
 * (port 9618 by default) or a sinful string; without it, COLLECTOR_HOST is used where the
 * runtime has an environment. In browsers, `options.proxy` names the WebSocket proxy.
 *
 * Status: queries go as raw READ commands, which pools answer when READ needs no
 * authentication or encryption (HTCondor 23's shipped security); negotiated and encrypted
 * sessions, locate and advertise come with the rest of the wire protocol.
 */
export interface CollectorOptions {
  /** Reach the pool through this htcondor-wasm proxy (required in browsers): ws:// or wss:// URL. */
  readonly proxy?: string;
  /** The proxy's bearer token, if it requires one. */
  readonly proxyToken?: string;
}

export class Collector {
  readonly address: string;
  readonly #proxy: { url: string; token?: string } | undefined;

  constructor(pool?: string, options: CollectorOptions = {}) {
    const given = pool ?? environment('COLLECTOR_HOST');
    if (!given) throw new HTCondorValueError('no pool given and COLLECTOR_HOST is not set');
    this.address = sinfulOf(given);
    this.#proxy = options.proxy ? { url: options.proxy, ...(options.proxyToken && { token: options.proxyToken }) } : undefined;
  }

  /** The ads of `adType` that satisfy `constraint`, with only the `projection` attributes if given. */
  async query(adType: AdTypes = AdTypes.Any, constraint = 'true', projection: readonly string[] = []): Promise<ClassAd[]> {
    const query = adTypeQuery(adType);
    if (!query) throw new HTCondorValueError(`unknown ad type ${String(adType)}`);
    const texts = await core().collectorQuery({
      address: this.address,
      ...query,
      constraint: constraint || 'true',
      projection,
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
      ...(this.#proxy && { proxy: this.#proxy }),
    });
    return texts.map((text) => new ClassAd(text));
  }
}

function sinfulOf(pool: string): string {
  if (pool.startsWith('<')) return pool;
  return /:\d+$/.test(pool) ? `<${pool}>` : `<${pool}:9618>`;
}

function environment(name: string): string | undefined {
  const g = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return g.process?.env?.[name] || undefined;
}
