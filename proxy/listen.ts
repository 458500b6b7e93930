// Listening where browsers will connect. fetch() and WebSocket refuse the Fetch standard's
// "bad ports" (https://fetch.spec.whatwg.org/#port-blocking), in browsers and in Node's own
// fetch and WebSocket alike; an ephemeral port can be one of them where the system hands out
// ports from 1024 up (net.ipv4.ip_local_port_range 1024-65535 on the project's machines).
import type net from 'node:net';

const BLOCKED = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Whether fetch() and WebSocket refuse to connect to `port`. */
export function isBlockedPort(port: number): boolean {
  return BLOCKED.has(port);
}

/** `server` listening on `port` at `host`; port 0 gives an ephemeral port browsers connect to. */
export async function listenForBrowsers(server: net.Server, port: number, host: string): Promise<number> {
  for (;;) {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const bound = (server.address() as net.AddressInfo).port;
    if (port !== 0 || !isBlockedPort(bound)) return bound;
    await new Promise((resolve) => server.close(resolve));
  }
}
