import { ClassAd } from '../classad/classad.js';
import { sinfulOf } from '../core/address.js';
import { core } from '../core/provider.js';
import { HTCondorValueError } from '../errors.js';
import { AdTypes, adTypeQuery } from './ad-types.js';
import { targetRequest, type ConnectionOptions } from './connection.js';
import { SecMan } from './secman.js';

/**
 * A pool's collector, as the Python bindings' `htcondor.Collector`. `pool` is `host[:port]`
 * (port 9618 by default) or a sinful string; without it, the configured COLLECTOR_HOST.
 * In browsers, `options.proxy` names the WebSocket proxy and `options.security` carries the
 * credentials.
 */
export type CollectorOptions = ConnectionOptions;

export class Collector {
  /** The collector's sinful string; undefined when it comes from the configuration. */
  readonly address: string | undefined;
  readonly #options: CollectorOptions;

  constructor(pool?: string, options: CollectorOptions = {}) {
    this.address = pool === undefined ? undefined : sinfulOf(pool);
    this.#options = options;
  }

  /** The ads of `adType` that satisfy `constraint`, with only the `projection` attributes if given. */
  async query(adType: AdTypes = AdTypes.Any, constraint = 'true', projection: readonly string[] = []): Promise<ClassAd[]> {
    const query = adTypeQuery(adType);
    if (!query) throw new HTCondorValueError(`unknown ad type ${String(adType)}`);
    const texts = await core().collectorQuery({
      ...targetRequest(this.address, this.#options, (this.#options.security ?? SecMan.default).request()),
      ...query,
      constraint: constraint || 'true',
      projection,
    });
    return texts.map((text) => new ClassAd(text));
  }
}
