// The proxy against the real pool: a WebSocket client reaches the collector's TCP port and
// gets its bytes back; everything not allowed is refused with a clear close code and reason.
import net from 'node:net';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { CloseCode, startProxy, type LogEvent, type RunningProxy } from 'htcondor-wasm/proxy';

import { authenticateOpening, firstAd } from '../helpers/cedar-probe.js';
import { exchange } from '../helpers/ws-client.js';

const pool = inject('pool');

describe('the proxy, allowed to reach the pool', () => {
  let proxy: RunningProxy;
  const logs: LogEvent[] = [];
  beforeAll(async () => {
    proxy = await startProxy({ allow: [`${pool.host}:${pool.port}`], maxConnectionsPerClient: 3, log: (e) => logs.push(e) });
  });
  afterAll(() => proxy.close());

  it("relays the collector's reply to a DC_AUTHENTICATE opening", async () => {
    const { received } = await exchange(`${proxy.url}?target=${pool.collector}`, authenticateOpening(), (bytes) => firstAd(bytes) !== undefined);
    const ad = firstAd(received)!;
    expect(ad).toContain('Enact = "YES"');
    expect(ad.find((line) => line.startsWith('RemoteVersion = '))).toMatch(/^RemoteVersion = "\$CondorVersion: \d+\.\d+\.\d+ .* \$"$/);
    expect(logs.some((e) => e.event === 'open' && e.target === pool.collector)).toBe(true);
  });

  it('refuses a target outside the allow-list', async () => {
    const closed = await exchange(`${proxy.url}?target=${pool.host}:22`);
    expect(closed.code).toBe(CloseCode.PolicyViolation);
    expect(closed.reason).toBe(`target ${pool.host}:22 is not allowed by this proxy`);
    expect(closed.received.length).toBe(0);
  });

  it('refuses a request without a usable target', async () => {
    for (const query of ['', '?target=', '?target=nohost', '?target=[zz]:1', '?target=127.0.0.1:70000']) {
      const closed = await exchange(`${proxy.url}${query}`);
      expect(closed.code, query).toBe(CloseCode.BadTarget);
      expect(closed.reason).toMatch(/no usable target/);
    }
  });

  it('relays binary messages only', async () => {
    const closed = await exchange(`${proxy.url}?target=${pool.collector}`, 'text is not CEDAR');
    expect(closed.code).toBe(CloseCode.PolicyViolation);
    expect(closed.reason).toBe('only binary messages are relayed');
  });

  it('limits connections per client', async () => {
    const WebSocket = (await import('ws')).default;
    const held = await Promise.all(
      Array.from({ length: 3 }, () => new Promise<InstanceType<typeof WebSocket>>((resolve) => {
        const ws = new WebSocket(`${proxy.url}?target=${pool.collector}`);
        ws.on('open', () => resolve(ws));
      })),
    );
    const closed = await exchange(`${proxy.url}?target=${pool.collector}`);
    expect(closed.code).toBe(CloseCode.TooManyConnections);
    for (const ws of held) ws.close();
  });
});

describe('the proxy, by default', () => {
  it('refuses every target, the pool included', async () => {
    const proxy = await startProxy();
    try {
      const closed = await exchange(`${proxy.url}?target=${pool.collector}`, authenticateOpening());
      expect(closed.code).toBe(CloseCode.PolicyViolation);
      expect(closed.received.length).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});

describe('the proxy, when the target fails', () => {
  it('reports a refused connection as a bad gateway', async () => {
    const port = await closedPort();
    const proxy = await startProxy({ allow: [`127.0.0.1:${port}`] });
    try {
      const closed = await exchange(`${proxy.url}?target=127.0.0.1:${port}`);
      expect(closed.code).toBe(CloseCode.BadGateway);
      expect(closed.reason).toBe(`target 127.0.0.1:${port}: ECONNREFUSED`);
    } finally {
      await proxy.close();
    }
  });

  it('reports a reset as a bad gateway', async () => {
    const server = net.createServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const proxy = await startProxy({ allow: [`127.0.0.0/8:${port}`] });
    try {
      const closed = await exchange(`${proxy.url}?target=127.0.0.1:${port}`, Buffer.from([1, 2, 3]));
      expect(closed.code).toBe(CloseCode.BadGateway);
      expect(closed.reason).toBe(`target 127.0.0.1:${port}: ECONNRESET`);
    } finally {
      await proxy.close();
      server.close();
    }
  });
});

describe('the proxy, with a client that closes right after writing', () => {
  it('still delivers every byte the client sent before the target sees the close', async () => {
    const received: Buffer[] = [];
    const server = net.createServer();
    const done = new Promise<void>((resolve) => {
      server.on('connection', (socket) => {
        socket.on('data', (chunk: Buffer) => received.push(chunk));
        socket.on('end', () => resolve());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const proxy = await startProxy({ allow: [`127.0.0.1:${port}`] });
    const WebSocket = (await import('ws')).default;
    const ws = new WebSocket(`${proxy.url}?target=127.0.0.1:${port}`);
    try {
      await new Promise((resolve) => ws.once('open', resolve));
      // An advertise: several messages, then the close, with no answer awaited.
      const sent = Array.from({ length: 8 }, (_, i) => Buffer.alloc(512 * 1024, i));
      for (const message of sent) ws.send(message);
      ws.close(1000);
      await done;
      expect(Buffer.concat(received).equals(Buffer.concat(sent))).toBe(true);
    } finally {
      await proxy.close();
      server.close();
    }
  });
});

describe('the proxy, with a client that stops reading', () => {
  it('stops reading the target, so buffered bytes stay bounded', async () => {
    const total = 256 * 1024 * 1024;
    let accepted = 0;
    const chunk = Buffer.alloc(1024 * 1024);
    const server = net.createServer((socket) => {
      socket.on('error', () => {});
      const pump = () => {
        while (accepted < total) {
          accepted += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const proxy = await startProxy({ allow: [`127.0.0.1:${port}`], maxBufferedBytes: 256 * 1024 });
    const WebSocket = (await import('ws')).default;
    const ws = new WebSocket(`${proxy.url}?target=127.0.0.1:${port}`);
    try {
      await new Promise((resolve) => ws.once('message', resolve));
      ws.pause();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // What the flooding target got rid of is bounded by the proxy's limit plus the kernel's
      // socket buffers on both hops, far below what it wanted to send.
      expect(accepted).toBeLessThan(48 * 1024 * 1024);
    } finally {
      ws.terminate();
      await proxy.close();
      server.close();
    }
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
