// What a site's proxy allows for its pool: the collector, and every address the pool's daemons
// advertise (HTCondor picks among a sinful's addrs, e.g. an IPv6 one before 127.0.0.1).
import { htcondor } from 'htcondor-wasm';

/** host:port allow rules: the collector's, and each addrs entry (`[fd00--2]-9618` is [fd00::2]:9618). */
export async function poolAllowRules(collector: string): Promise<string[]> {
  const ads = await new htcondor.Collector(collector).query(htcondor.AdTypes.Any, 'true', ['MyAddress']);
  const rules = new Set<string>([collector]);
  for (const ad of ads) {
    const addrs = /[?&]addrs=([^&>]*)/.exec(String(ad.get('MyAddress') ?? ''))?.[1];
    for (const entry of addrs?.split('+') ?? []) {
      const cut = entry.lastIndexOf('-');
      const host = entry.slice(0, cut).replace(/^\[(.*)\]$/, (_, v6: string) => `[${v6.replace(/-/g, ':')}]`);
      rules.add(`${host}:${entry.slice(cut + 1)}`);
    }
  }
  return [...rules];
}
