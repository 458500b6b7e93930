// The proxy against the real pool and against test servers, speaking its stream protocol: many
// TCP streams over one WebSocket, each refused, limited, flow-controlled and closed on its own;
// a frame that breaks the protocol closes the WebSocket with a clear code and reason.
import net from 'node:net';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import { CloseCode, encodeClose, encodeCredit, encodeData, encodeHello, encodeOpen, FrameType, startProxy, type LogEvent, type RunningProxy } from 'htcondor-wasm/proxy';

import { isBlockedPort } from '../../build/ts/proxy/listen.js';
import { authenticateOpening, firstAd } from '../helpers/cedar-probe.js';
import { exchange, MuxClient } from '../helpers/ws-client.js';

const pool = inject('pool');
const replied = (data: Buffer) => firstAd(data)?.includes('Enact = "YES"') ?? false;

describe('the proxy server', () => {
  it('rejects a port already in use (and logs why) instead of ending the process', async () => {
    const first = await startProxy({});
    const logs: LogEvent[] = [];
    try {
      await expect(startProxy({ port: first.port, log: (e) => logs.push(e) })).rejects.toThrow(/EADDRINUSE/);
      expect(logs).toContainEqual(expect.objectContaining({ event: 'server-error', reason: expect.stringMatching(/EADDRINUSE/) }));
    } finally {
      await first.close();
    }
  });

  it("listens, when given no port, where browsers connect: not on the Fetch standard's bad ports", async () => {
    expect([6000, 6665, 10080, 5060].map(isBlockedPort)).toEqual([true, true, true, true]);
    expect([8080, 9618, 6001, 32768].map(isBlockedPort)).toEqual([false, false, false, false]);
    const proxies = await Promise.all(Array.from({ length: 20 }, () => startProxy({})));
    try {
      for (const p of proxies) expect(isBlockedPort(p.port)).toBe(false);
    } finally {
      await Promise.all(proxies.map((p) => p.close()));
    }
  });
});

describe('the proxy, allowed to reach the pool', () => {
  let proxy: RunningProxy;
  const logs: LogEvent[] = [];
  beforeAll(async () => {
    proxy = await startProxy({ allow: [`${pool.host}:${pool.port}`], log: (e) => logs.push(e) });
  });
  afterAll(() => proxy.close());

  it("relays the collector's reply to a DC_AUTHENTICATE opening", async () => {
    const stream = await exchange(proxy.url, pool.collector, authenticateOpening(), (bytes) => firstAd(bytes) !== undefined);
    const ad = firstAd(stream.data)!;
    expect(stream.opened).toBe(true);
    expect(ad).toContain('Enact = "YES"');
    expect(ad.find((line) => line.startsWith('RemoteVersion = '))).toMatch(/^RemoteVersion = "\$CondorVersion: \d+\.\d+\.\d+ .* \$"$/);
    expect(logs.some((e) => e.event === 'open' && e.target === pool.collector)).toBe(true);
  });

  it('refuses a target outside the allow-list on its stream, while another stream goes on', async () => {
    const client = await MuxClient.connect(proxy.url);
    try {
      const allowed = client.open(pool.collector);
      const refused = await client.streamClosed(client.open(`${pool.host}:22`));
      expect(refused).toEqual({ data: Buffer.alloc(0), opened: false, closed: { code: CloseCode.PolicyViolation, reason: `target ${pool.host}:22 is not allowed by this proxy` } });
      client.send(allowed, authenticateOpening());
      await client.until(() => replied(client.streams.get(allowed)!.data));
    } finally {
      await client.close();
    }
  });

  it('refuses an OPEN without a usable target', async () => {
    for (const target of ['nohost', '[zz]:1', '127.0.0.1:70000', '127.0.0.1:0', 'a b:1']) {
      const stream = await exchange(proxy.url, target);
      expect(stream.closed, target).toEqual({ code: CloseCode.BadTarget, reason: 'no usable target: OPEN names HOST:PORT' });
    }
  });
});

describe('the proxy, with limits of 3 per client', () => {
  let proxy: RunningProxy;
  beforeEach(async () => {
    proxy = await startProxy({ allow: [pool.collector], maxConnectionsPerClient: 3 });
  });
  afterEach(() => proxy.close());

  it('refuses a fourth stream, and the streams within the limit go on', async () => {
    const client = await MuxClient.connect(proxy.url);
    try {
      const held = [client.open(pool.collector), client.open(pool.collector), client.open(pool.collector)];
      const refused = await client.streamClosed(client.open(pool.collector));
      expect(refused.closed).toEqual({ code: CloseCode.TooManyConnections, reason: 'too many connections' });
      for (const id of held) client.send(id, authenticateOpening());
      await client.until(() => held.every((id) => replied(client.streams.get(id)!.data)));
    } finally {
      await client.close();
    }
  });

  it('refuses a fourth WebSocket', async () => {
    const held = await Promise.all([1, 2, 3].map(() => MuxClient.connect(proxy.url)));
    const refused = await MuxClient.connect(proxy.url);
    expect(await refused.closed).toEqual({ code: CloseCode.TooManyConnections, reason: 'too many connections' });
    await Promise.all(held.map((client) => client.close()));
  });
});

describe('the proxy, with many streams on one WebSocket', () => {
  it('carries 30 concurrent exchanges with the collector over a single WebSocket', async () => {
    const logs: LogEvent[] = [];
    const proxy = await startProxy({ allow: [pool.collector], log: (e) => logs.push(e) });
    const client = await MuxClient.connect(proxy.url);
    try {
      const ids = Array.from({ length: 30 }, () => client.open(pool.collector));
      for (const id of ids) client.send(id, authenticateOpening());
      await client.until(() => ids.every((id) => replied(client.streams.get(id)!.data)));
      expect(logs.filter((e) => e.event === 'connected')).toHaveLength(1);
      expect(logs.filter((e) => e.event === 'open')).toHaveLength(30);
    } finally {
      await client.close();
      await proxy.close();
    }
  });
});

describe('the proxy, given frames that break the protocol', () => {
  let proxy: RunningProxy;
  beforeAll(async () => {
    proxy = await startProxy({ allow: [pool.collector], maxBufferedBytes: 1024 });
  });
  afterAll(() => proxy.close());

  const header = (type: number, id: number, length: number) => {
    const bytes = Buffer.alloc(9);
    bytes.writeUInt8(type, 0);
    bytes.writeUInt32BE(id, 1);
    bytes.writeUInt32BE(length, 5);
    return bytes;
  };
  const open = (id: number) => Buffer.from(encodeOpen(id, pool.collector));
  const cases: [string, Buffer | string, RegExp][] = [
    ['a text message', 'hello', /^text messages are not part of the protocol$/],
    ['an empty message', Buffer.alloc(0), /less than a frame header/],
    ['a short header', Buffer.from([2, 0, 0]), /less than a frame header/],
    ['a length past the message', Buffer.concat([header(2, 1, 20), Buffer.from('127.0.0.1:9618')]), /runs past the end of its message/],
    ['an unknown frame type', header(9, 1, 0), /^frame type 9 is not part of the protocol$/],
    ['a HELLO from the client', Buffer.from(encodeHello(1024)), /^frame type 1 is sent by the proxy only$/],
    ['stream id 0', Buffer.from(encodeOpen(0, pool.collector)), /^stream ids start at 1/],
    ['an OPEN without a target', header(2, 1, 0), /^OPEN names a target of 1-255 bytes/],
    ['an OPEN with a target that is not UTF-8', Buffer.concat([header(2, 1, 2), Buffer.from([0xc3, 0x28])]), /^OPEN target is not valid UTF-8/],
    ['stream ids that go back', Buffer.concat([open(5), open(3)]), /^OPEN for stream 3: stream ids only increase$/],
    ['DATA for a stream never opened', Buffer.from(encodeData(7, Buffer.from([1]))), /^stream 7 was never opened$/],
    ['DATA beyond the credit', Buffer.concat([open(1), Buffer.from(encodeData(1, Buffer.alloc(1025)))]), /^DATA exceeds the stream's credit$/],
    ['CREDIT for bytes never sent', Buffer.concat([open(1), Buffer.from(encodeCredit(1, 1))]), /^CREDIT returns more bytes than were sent$/],
    ['CREDIT of 0 bytes', Buffer.concat([open(1), header(5, 1, 4), Buffer.alloc(4)]), /^CREDIT returns at least one byte/],
    ['a CLOSE code out of range', Buffer.concat([open(1), Buffer.from(encodeClose(1, 999, ''))]), /^CLOSE codes are 1000-4999/],
    ['a CLOSE reason too long', Buffer.concat([open(1), header(6, 1, 2 + 200), Buffer.alloc(2 + 200, 0x41)]), /^CLOSE has a code and a reason of at most 123 bytes/],
  ];

  it.each(cases)('closes the WebSocket with 1002 for %s', async (_, message, reason) => {
    const client = await MuxClient.connect(proxy.url);
    client.raw(message);
    const closed = await client.closed;
    expect(closed.code).toBe(CloseCode.ProtocolError);
    expect(closed.reason).toMatch(reason);
  });

  it('closes the WebSocket with 1009 for a message larger than any frame may be', async () => {
    const client = await MuxClient.connect(proxy.url);
    client.raw(Buffer.alloc(1024 * 1024));
    expect((await client.closed).code).toBe(1009);
  });

  it('still serves other clients afterwards', async () => {
    const stream = await exchange(proxy.url, pool.collector, authenticateOpening(), replied);
    expect(replied(stream.data)).toBe(true);
  });
});

describe('the proxy, by default', () => {
  it('refuses every target, the pool included', async () => {
    const proxy = await startProxy();
    try {
      const stream = await exchange(proxy.url, pool.collector, authenticateOpening());
      expect(stream.closed?.code).toBe(CloseCode.PolicyViolation);
      expect(stream.data.length).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});

describe('the proxy, when a target fails', () => {
  it('reports a refused connection as a bad gateway', async () => {
    const port = await closedPort();
    const proxy = await startProxy({ allow: [`127.0.0.1:${port}`] });
    try {
      const stream = await exchange(proxy.url, `127.0.0.1:${port}`);
      expect(stream).toMatchObject({ opened: false, closed: { code: CloseCode.BadGateway, reason: `target 127.0.0.1:${port}: ECONNREFUSED` } });
    } finally {
      await proxy.close();
    }
  });

  it('reports a reset as a bad gateway on that stream, while another stream to the same target goes on', async () => {
    // Echoes, and resets the connection when it receives 0xff.
    const server = await listen((socket) => {
      socket.on('error', () => {});
      socket.on('data', (chunk) => (chunk.includes(0xff) ? socket.resetAndDestroy() : socket.write(chunk)));
    });
    const proxy = await startProxy({ allow: [`127.0.0.0/8:${server.port}`] });
    const client = await MuxClient.connect(proxy.url);
    try {
      const [echo, reset] = [client.open(`127.0.0.1:${server.port}`), client.open(`127.0.0.1:${server.port}`)];
      client.send(echo, Buffer.from([1, 2, 3]));
      client.send(reset, Buffer.from([0xff]));
      expect(await client.streamClosed(reset)).toMatchObject({ opened: true, closed: { code: CloseCode.BadGateway, reason: `target 127.0.0.1:${server.port}: ECONNRESET` } });
      client.send(echo, Buffer.from([4, 5]));
      await client.until(() => client.streams.get(echo)!.data.length === 5);
      expect([...client.streams.get(echo)!.data]).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await client.close();
      await proxy.close();
      server.close();
    }
  });
});

describe('the proxy, with a client that ends a stream right after writing', () => {
  it('still delivers every byte the client sent before the target sees the end, past several windows', async () => {
    const received: Buffer[] = [];
    let ended!: () => void;
    const done = new Promise<void>((resolve) => (ended = resolve));
    const server = await listen((socket) => {
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      socket.on('end', () => ended());
    });
    const proxy = await startProxy({ allow: [`127.0.0.1:${server.port}`] });
    const client = await MuxClient.connect(proxy.url);
    try {
      // An advertise: several messages, then the end, with no answer awaited; 4 MiB is more
      // than the stream's window, so the rest goes as the proxy returns credit.
      const id = client.open(`127.0.0.1:${server.port}`);
      const sent = Array.from({ length: 8 }, (_, i) => Buffer.alloc(512 * 1024, i));
      for (const message of sent) client.send(id, message);
      client.end(id);
      await done;
      expect(Buffer.concat(received).equals(Buffer.concat(sent))).toBe(true);
    } finally {
      await client.close();
      await proxy.close();
      server.close();
    }
  });
});

describe('the proxy, with a target that answers and closes', () => {
  // A daemon answers a command and closes; the client, done with the stream, closes it too. One
  // of the two CLOSEs is enough, so the proxy's waits (mux-outbox.ts) for the client's.
  let server: net.Server & { port: number };
  let proxy: RunningProxy;
  let client: MuxClient;
  const closedByTarget: number[] = [];
  beforeEach(async () => {
    server = await listen((socket) => {
      socket.on('error', () => {});
      socket.once('data', () => socket.end('answer'));
    });
    const log = (e: LogEvent) => e.event === 'close' && e.reason === 'target closed the connection' && closedByTarget.push(e.stream as number);
    proxy = await startProxy({ allow: [`127.0.0.1:${server.port}`], log });
    client = await MuxClient.connect(proxy.url);
  });
  afterEach(async () => {
    await client.close();
    await proxy.close();
    server.close();
    closedByTarget.length = 0;
  });
  const answered = async () => {
    const id = client.open(`127.0.0.1:${server.port}`);
    client.send(id, Buffer.from('command'));
    await client.until(() => client.streams.get(id)!.data.toString() === 'answer');
    await new Promise<void>((resolve) => {
      const check = () => (closedByTarget.includes(id) ? resolve() : setTimeout(check, 1));
      check();
    });
    return id;
  };
  const closes = () => client.messages.flat().filter((f) => f.type === FrameType.Close).map((f) => f.id);

  it('sends its CLOSE a moment later when the client says nothing', async () => {
    const id = await answered();
    expect((await client.streamClosed(id)).closed).toEqual({ code: 1000, reason: 'target closed the connection' });
  });

  it('sends no CLOSE when the client closes the stream first', async () => {
    const id = await answered();
    client.end(id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closes()).toEqual([]);
  });

  it('sends its CLOSE ahead of the next message, in the same message', async () => {
    const id = await answered();
    const refused = client.open('127.0.0.1:1');
    await client.streamClosed(refused);
    expect(client.messages.at(-1)!.map((f) => [f.type, f.id])).toEqual([[FrameType.Close, id], [FrameType.Close, refused]]);
  });
});

describe('the proxy, with a stream whose reader stops', () => {
  it('sends that stream no more than its window and stops reading its target, while another stream flows', async () => {
    const window = 256 * 1024;
    let accepted = 0;
    const chunk = Buffer.alloc(1024 * 1024);
    const flood = await listen((socket) => {
      socket.on('error', () => {});
      const pump = () => {
        while (accepted < 256 * 1024 * 1024) {
          accepted += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    const proxy = await startProxy({ allow: [`127.0.0.1:${flood.port}`, pool.collector], maxBufferedBytes: window });
    const client = await MuxClient.connect(proxy.url);
    try {
      const stalled = client.open(`127.0.0.1:${flood.port}`);
      client.starved.add(stalled);
      await client.until(() => client.streams.get(stalled)!.data.length === window);
      // The other stream on the same WebSocket still gets its exchange through.
      const other = client.open(pool.collector);
      client.send(other, authenticateOpening());
      await client.until(() => replied(client.streams.get(other)!.data));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(client.streams.get(stalled)!.data.length).toBe(window);
      // What the flooding target got rid of is bounded by the window plus the kernel's socket
      // buffers, far below what it wanted to send.
      expect(accepted).toBeLessThan(48 * 1024 * 1024);
    } finally {
      await client.close();
      await proxy.close();
      flood.close();
    }
  });
});

describe('the proxy, with an idle timeout', () => {
  it('closes a stream without traffic, then the WebSocket without streams', async () => {
    const silent = await listen((socket) => socket.on('error', () => {}));
    const proxy = await startProxy({ allow: [`127.0.0.1:${silent.port}`], idleTimeoutMs: 300 });
    const client = await MuxClient.connect(proxy.url);
    try {
      const stream = await client.streamClosed(client.open(`127.0.0.1:${silent.port}`));
      expect(stream).toMatchObject({ opened: true, closed: { code: CloseCode.IdleTimeout, reason: 'idle timeout' } });
      expect(await client.closed).toEqual({ code: CloseCode.IdleTimeout, reason: 'idle timeout' });
    } finally {
      await proxy.close();
      silent.close();
    }
  });
});

async function listen(onConnection: (socket: net.Socket) => void): Promise<net.Server & { port: number }> {
  const server = net.createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(server, { port: (server.address() as net.AddressInfo).port });
}

async function closedPort(): Promise<number> {
  const server = await listen(() => {});
  await new Promise((resolve) => server.close(resolve));
  return server.port;
}
