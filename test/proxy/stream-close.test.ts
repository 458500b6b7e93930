// When a stream's CLOSE leaves the client (worker/proxy-socket.ts): a stream the core is done
// with sends no CLOSE if the proxy's own CLOSE comes first (the daemon closed too), and
// otherwise sends it with the client's next message or after a short wait, never later.
import net from 'node:net';

import { WebSocketServer, type WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { PROTOCOL } from '../../build/ts/proxy/client-auth.js';
import { decodeMessage, encodeClose, encodeHello, FrameType, type Frame } from '../../build/ts/proxy/mux-protocol.js';
import { ProxySocket } from '../../build/ts/worker/proxy-socket.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a stream the core closed', () => {
  let wss: WebSocketServer;
  let peer: Promise<WebSocket>;
  /** Each message the fake proxy received, as its frames. */
  let messages: Frame[][];
  let client: ProxySocket;

  beforeEach(async () => {
    messages = [];
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => PROTOCOL });
    peer = new Promise((resolve) => wss.once('connection', (ws: WebSocket) => {
      ws.on('message', (data: Buffer) => messages.push(decodeMessage(new Uint8Array(data))));
      ws.send(encodeHello(64 * 1024));
      resolve(ws);
    }));
    await new Promise((resolve) => wss.once('listening', resolve));
    client = new ProxySocket(`ws://127.0.0.1:${(wss.address() as net.AddressInfo).port}/`, undefined, () => {});
  });

  afterEach(() => wss.close());

  /** A stream on `client` once it is connected (the core sends its first bytes then), with its first bytes sent. */
  const stream = async (first: number) => {
    let connected!: () => void;
    const up = new Promise<void>((resolve) => (connected = resolve));
    const connection = client.open('127.0.0.1', 9618, { connected, data() {}, closed() {}, failed() {} });
    await up;
    connection.send(new Uint8Array([first]));
    return connection;
  };
  const closes = () => messages.flat().filter((f) => f.type === FrameType.Close).map((f) => f.id);
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 200 && !done(); i++) await sleep(5);
  };

  it('sends no CLOSE when the proxy closed the stream first', async () => {
    const first = await stream(1);
    const ws = await peer;
    await until(() => messages.flat().length === 2);
    first.close();
    ws.send(encodeClose(1, 1000, 'target closed the connection'));
    await sleep(100);
    expect(messages.flat().map((f) => [f.type, f.id])).toEqual([[FrameType.Open, 1], [FrameType.Data, 1]]);
  });

  it('sends its CLOSE after a short wait when nothing else goes', async () => {
    const first = await stream(1);
    await until(() => messages.flat().length === 2);
    const closed = performance.now();
    first.close();
    await until(() => closes().length > 0);
    expect(closes()).toEqual([1]);
    expect(performance.now() - closed).toBeLessThan(500);
  });

  it('sends its CLOSE ahead of the next OPEN, in the same message', async () => {
    const first = await stream(1);
    await until(() => messages.flat().length === 2);
    const next = messages.length;
    first.close();
    await new Promise((resolve) => setImmediate(resolve));
    await stream(2);
    await until(() => messages.length > next);
    expect(messages[next]!.slice(0, 2).map((f) => [f.type, f.id])).toEqual([[FrameType.Close, 1], [FrameType.Open, 2]]);
  });
});
