import net from 'node:net';

/**
 * Which TCP targets the proxy may connect to. A rule is `HOST:PORTS`, where HOST is an IP
 * address, a CIDR block (`10.0.0.0/8`, `[fd00::]/8`) or a host name, and PORTS is a port,
 * a range (`9618-9700`) or `*`. An empty list allows nothing: the proxy is never an open relay.
 */
export interface AllowRule {
  readonly hosts: net.BlockList | string;
  readonly ports: readonly [number, number];
  readonly text: string;
}

export function parseAllowRule(text: string): AllowRule {
  const m = /^(\[[^\]]+\](?:\/\d+)?|[^:]+):(\*|\d+(?:-\d+)?)$/.exec(text.trim());
  if (!m) throw new TypeError(`allow rule '${text}' is not HOST:PORTS (e.g. 127.0.0.1:9618, 10.0.0.0/8:9618-9700)`);
  const hostPart = m[1]!;
  const portPart = m[2]!;
  return { hosts: parseHosts(hostPart, text), ports: parsePorts(portPart, text), text };
}

function parseHosts(part: string, text: string): net.BlockList | string {
  const [address, prefix] = part.replace(/^\[|\](?=\/|$)/g, '').split('/') as [string, string | undefined];
  const family = net.isIP(address);
  if (family === 0) {
    if (prefix !== undefined || !/^[A-Za-z0-9.-]+$/.test(address)) throw new TypeError(`allow rule '${text}': bad host '${part}'`);
    return address.toLowerCase();
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
  if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
    throw new TypeError(`allow rule '${text}': bad prefix length '/${prefix}'`);
  }
  const list = new net.BlockList();
  list.addSubnet(address, bits, type);
  return list;
}

function parsePorts(part: string, text: string): readonly [number, number] {
  if (part === '*') return [1, 65535];
  const [low, high = low] = part.split('-').map(Number) as [number, number?];
  if (!(low >= 1 && high <= 65535 && low <= high)) throw new TypeError(`allow rule '${text}': bad port range '${part}'`);
  return [low, high];
}

/** True if connecting to `address` (an IP the proxy resolved) for the requested `host` is allowed. */
export function isAllowed(rules: readonly AllowRule[], host: string, address: string, port: number): boolean {
  return rules.some((rule) => {
    if (port < rule.ports[0] || port > rule.ports[1]) return false;
    return typeof rule.hosts === 'string' ? rule.hosts === host.toLowerCase() : inBlock(rule.hosts, address);
  });
}

// BlockList.check makes a SocketAddress on each call: ~20 us per command in a busy proxy. A
// proxy reaches a few daemons, so its answers are kept, at most MEMO_SIZE addresses per list.
const MEMO_SIZE = 1024;
const memos = new WeakMap<net.BlockList, Map<string, boolean>>();

function inBlock(list: net.BlockList, address: string): boolean {
  let memo = memos.get(list);
  if (!memo) memos.set(list, (memo = new Map()));
  let allowed = memo.get(address);
  if (allowed === undefined) {
    allowed = list.check(address, net.isIP(address) === 6 ? 'ipv6' : 'ipv4');
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(address, allowed);
  }
  return allowed;
}
