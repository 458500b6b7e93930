/** `host`, `host:port` or a sinful string, as a sinful string (HTCondor's default port is 9618). */
export function sinfulOf(pool: string): string {
  if (pool.startsWith('<')) return pool;
  return /:\d+$/.test(pool) ? `<${pool}>` : `<${pool}:9618>`;
}
