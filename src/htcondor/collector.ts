import { ClassAd } from '../classad/classad.js';
import { quote } from '../classad/quote.js';
import { sinfulOf } from '../core/address.js';
import { core } from '../core/provider.js';
import { HTCondorLocateError, HTCondorValueError } from '../errors.js';
import { AdTypes, adTypeQuery } from './ad-types.js';
import type { ConnectionOptions } from './connection.js';
import { DaemonTypes, daemonAdType } from './daemon-types.js';
import { daemonRequest } from './request.js';
import { wireAds } from './wire-ad.js';

/**
 * A pool's collector, as the Python bindings' `htcondor.Collector`. `pool` is `host[:port]`
 * (port 9618 by default) or a sinful string; without it, the configured COLLECTOR_HOST.
 * In browsers, `options.proxy` names the WebSocket proxy and `options.security` carries the
 * credentials.
 */
export type CollectorOptions = ConnectionOptions;

/** What locate and locateAll ask the collector for (as the Python bindings do). */
const LOCATE_PROJECTION = ['MyAddress', 'AddressV1', 'CondorVersion', 'CondorPlatform', 'Name', 'Machine'];

export class Collector {
  /** The collector's sinful string; undefined when it comes from the configuration. */
  readonly address: string | undefined;
  readonly #options: CollectorOptions;

  constructor(pool?: string, options: CollectorOptions = {}) {
    this.address = pool === undefined ? undefined : sinfulOf(pool);
    this.#options = options;
  }

  /**
   * The ads of `adType` that satisfy `constraint`, with only the `projection` attributes if
   * given; `statistics` asks daemons' ads for extra statistics (e.g. "SCHEDD:2").
   */
  query(adType: AdTypes = AdTypes.Any, constraint = 'true', projection: readonly string[] = [], statistics = ''): Promise<ClassAd[]> {
    return this.#query(this.address, adType, { constraint, projection, statistics });
  }

  /** The location ad of a daemon: the one named `name`, or the first of its type. Throws HTCondorLocateError if there is none. */
  async locate(daemonType: DaemonTypes, name?: string): Promise<ClassAd> {
    const adType = adTypeOf(daemonType);
    const [ad] = name === undefined
      ? await this.#query(this.address, adType, {})
      : await this.#query(this.address, adType, {
          constraint: `((stricmp(Name,${quote(name)}) == 0))`,
          projection: LOCATE_PROJECTION,
          locationQuery: name,
        });
    if (!ad) throw new HTCondorLocateError(`Unable to locate ${name === undefined ? `any ${daemonName(daemonType)}` : `the ${daemonName(daemonType)} named ${name}`}`);
    return ad;
  }

  /** The location ads of every daemon of this type. */
  locateAll(daemonType: DaemonTypes): Promise<ClassAd[]> {
    return this.#query(this.address, adTypeOf(daemonType), { projection: LOCATE_PROJECTION });
  }

  /** The daemon's own ad, asked of the daemon itself (located through this collector). */
  async directQuery(daemonType: DaemonTypes, name?: string, projection: readonly string[] = [], statistics = ''): Promise<ClassAd> {
    const location = await this.locate(daemonType, name);
    const address = location.get('MyAddress');
    if (typeof address !== 'string') throw new HTCondorLocateError(`the ${daemonName(daemonType)}'s location ad has no MyAddress`);
    const [ad] = await this.#query(address, adTypeOf(daemonType), { projection, statistics });
    if (!ad) throw new HTCondorLocateError(`the ${daemonName(daemonType)} at ${address} returned no ad`);
    return ad;
  }

  /**
   * Sends ads to the collector with `command` (UPDATE_AD_GENERIC by default; any collector
   * command name, e.g. INVALIDATE_ADS_GENERIC with a query-like ad). The collector answers
   * nothing: the promise resolves once every ad was sent. Only TCP is supported.
   */
  async advertise(ads: readonly ClassAd[], command = 'UPDATE_AD_GENERIC', useTcp = true): Promise<void> {
    if (!useTcp) throw new HTCondorValueError('htcondor-wasm advertises over TCP only (useTcp = false asks for UDP)');
    if (ads.length === 0) return;
    await core().collectorAdvertise({ ...daemonRequest(this.address, this.#options), command, ads: ads.map((ad) => ad.toString()) });
  }

  async #query(
    address: string | undefined,
    adType: AdTypes,
    q: { constraint?: string; projection?: readonly string[]; statistics?: string; locationQuery?: string },
  ): Promise<ClassAd[]> {
    const query = adTypeQuery(adType);
    if (!query) throw new HTCondorValueError(`unknown ad type ${String(adType)}`);
    const answer = await core().collectorQuery({
      ...daemonRequest(address, this.#options),
      ...query,
      constraint: q.constraint || 'true',
      projection: q.projection ?? [],
      ...(q.statistics && { statistics: q.statistics }),
      ...(q.locationQuery !== undefined && { locationQuery: q.locationQuery }),
    });
    return answer.flatMap(wireAds);
  }
}

function adTypeOf(daemonType: DaemonTypes): AdTypes {
  const adType = daemonAdType(daemonType);
  if (adType === undefined) throw new HTCondorValueError(`cannot locate daemons of type ${String(daemonType)}`);
  return adType;
}

function daemonName(daemonType: DaemonTypes): string {
  return Object.entries(DaemonTypes).find(([, value]) => value === daemonType)?.[0].toLowerCase() ?? 'daemon';
}
