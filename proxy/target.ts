import net from 'node:net';

export interface Target {
  readonly host: string;
  readonly port: number;
}

/** Parses `HOST:PORT` or `[IPv6]:PORT`, as a client names it in OPEN (mux-protocol.ts). */
export function parseTarget(text: string | null): Target | undefined {
  if (!text) return undefined;
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(text);
  if (!m) return undefined;
  const host = m[1] ?? m[2]!;
  const port = Number(m[3]);
  if (port < 1 || port > 65535 || (m[1] !== undefined && net.isIP(host) !== 6)) return undefined;
  return { host, port };
}

export function formatTarget({ host, port }: Target): string {
  return net.isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
