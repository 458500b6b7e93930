// The library's side of the proxy: every connection the core opens is a stream on one
// WebSocket per proxy and token, reopened after it drops; whatever happens to the WebSocket or
// a stream, a command fails with HTCondorIOError and a readable reason, and never hangs.
import net from 'node:net';

import { WebSocketServer } from 'ws';
import { describe, expect, inject, it } from 'vitest';

import { htcondor, HTCondorIOError } from 'htcondor-wasm';
import { encodeHello, PROTOCOL, startProxy, type LogEvent } from 'htcondor-wasm/proxy';

const pool = inject('pool');
const names = async (collector: htcondor.Collector) => (await collector.query(htcondor.AdTypes.Collector, 'true', ['Name'])).map((ad) => ad.get('Name'));
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as Error);

describe('commands through the proxy', () => {
  it('share one WebSocket, concurrent and one after another', async () => {
    const logs: LogEvent[] = [];
    const proxy = await startProxy({ allow: [pool.collector], log: (e) => logs.push(e) });
    try {
      const collector = new htcondor.Collector(pool.collector, { proxy: proxy.url });
      const [first, ...rest] = await Promise.all(Array.from({ length: 24 }, () => names(collector)));
      for (const answer of rest) expect(answer).toEqual(first);
      for (let i = 0; i < 5; i++) expect(await names(collector)).toEqual(first);
      expect(logs.filter((e) => e.event === 'connected')).toHaveLength(1);
      expect(logs.filter((e) => e.event === 'open')).toHaveLength(29);
    } finally {
      await proxy.close();
    }
  });

  it('fail on their own stream when the proxy refuses the target, while the others succeed', async () => {
    const proxy = await startProxy({ allow: [pool.collector] });
    try {
      const refused = failure(names(new htcondor.Collector(`${pool.host}:22`, { proxy: proxy.url })));
      const allowed = Array.from({ length: 4 }, () => names(new htcondor.Collector(pool.collector, { proxy: proxy.url })));
      const error = await refused;
      expect(error).toBeInstanceOf(HTCondorIOError);
      expect(error!.message).toContain(`cannot connect to ${pool.host}:22 through the proxy: target ${pool.host}:22 is not allowed by this proxy`);
      for (const answer of await Promise.all(allowed)) expect(answer.length).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('fail when the target resets the connection', async () => {
    const server = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.once('data', () => socket.resetAndDestroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const target = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const proxy = await startProxy({ allow: [target] });
    try {
      const error = await failure(names(new htcondor.Collector(target, { proxy: proxy.url })));
      expect(error).toBeInstanceOf(HTCondorIOError);
      expect(error!.message).toContain(`the proxy closed the connection to ${target}: target ${target}: ECONNRESET`);
    } finally {
      await proxy.close();
      server.close();
    }
  });

  it('fail at once when the WebSocket drops mid-command, and the next command opens a new one', async () => {
    // A daemon that accepts and never answers: the command waits until the proxy goes away.
    const silent = net.createServer((socket) => socket.on('error', () => {}));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const target = `127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    let proxy = await startProxy({ allow: [target, pool.collector], log: (e) => e.event === 'open' && e.target === target && opened() });
    try {
      const url = proxy.url;
      const started = performance.now();
      const pending = failure(names(new htcondor.Collector(target, { proxy: url, timeout: 60 })));
      await open;
      await proxy.close();
      const error = await pending;
      expect(error).toBeInstanceOf(HTCondorIOError);
      expect(error!.message).toContain(`the proxy closed the connection to ${target}: proxy shutting down`);
      expect(performance.now() - started).toBeLessThan(10_000);
      proxy = await startProxy({ allow: [pool.collector], port: proxy.port });
      expect(await names(new htcondor.Collector(pool.collector, { proxy: url }))).toHaveLength(1);
    } finally {
      await proxy.close();
      silent.close();
    }
  });

  it('present the proxy token, and fail with the reason when it is wrong', async () => {
    const proxy = await startProxy({ allow: [pool.collector], tokens: ['tok_right'] });
    try {
      expect(await names(new htcondor.Collector(pool.collector, { proxy: proxy.url, proxyToken: 'tok_right' }))).toHaveLength(1);
      const error = await failure(names(new htcondor.Collector(pool.collector, { proxy: proxy.url, proxyToken: 'tok_wrong' })));
      expect(error).toBeInstanceOf(HTCondorIOError);
      expect(error!.message).toContain(`the proxy closed the connection to ${pool.collector}: a valid bearer token is required`);
    } finally {
      await proxy.close();
    }
  });

  it('fail when nothing listens at the proxy URL', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const error = await failure(names(new htcondor.Collector(pool.collector, { proxy: `ws://127.0.0.1:${port}/` })));
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect(error!.message).toContain(`cannot reach the proxy at ws://127.0.0.1:${port}/`);
  });
});

describe('a proxy that breaks the protocol', () => {
  // Each fake proxy answers the WebSocket with these messages.
  const cases: [string, Uint8Array[], string][] = [
    ['garbage', [Buffer.from('nope')], '4 bytes left in a message, less than a frame header'],
    ['a HELLO of another version', [Buffer.from([1, 0, 0, 0, 0, 0, 0, 0, 5, 9, 0, 0, 4, 0])], 'the proxy speaks version 9, this client 1'],
    ['DATA before HELLO', [Buffer.from([4, 0, 0, 0, 1, 0, 0, 0, 1, 42])], 'the proxy must send HELLO first'],
    ['DATA for a stream never opened', [encodeHello(1024), Buffer.from([4, 0, 0, 0, 9, 0, 0, 0, 1, 42])], 'stream 9 was never opened'],
  ];

  it.each(cases)('fails the command with HTCondorIOError on %s', async (_, messages, reason) => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => PROTOCOL });
    wss.on('connection', (ws) => {
      for (const message of messages) ws.send(message);
    });
    await new Promise((resolve) => wss.once('listening', resolve));
    const url = `ws://127.0.0.1:${(wss.address() as net.AddressInfo).port}/`;
    try {
      const error = await failure(names(new htcondor.Collector(pool.collector, { proxy: url, timeout: 60 })));
      expect(error).toBeInstanceOf(HTCondorIOError);
      expect(error!.message).toContain(`the proxy at ${url} broke the protocol: ${reason}`);
    } finally {
      wss.close();
    }
  });
});
