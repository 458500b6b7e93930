// The proxy's own gate, before any target is considered: bearer tokens, browser origins, TLS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { CloseCode, PROTOCOL, startProxy, type LogEvent, type RunningProxy } from 'htcondor-wasm/proxy';

import { authenticateOpening, firstAd } from '../helpers/cedar-probe.js';
import { MuxClient, type ConnectOptions } from '../helpers/ws-client.js';

const pool = inject('pool');
const TOKEN = 'tok_3f9c2a7d1e';

/** Connects, and over a stream to the collector sends a DC_AUTHENTICATE opening; what came back, and how the WebSocket closed. */
async function open(url: string, options: ConnectOptions = {}) {
  const client = await MuxClient.connect(url, options);
  if (client.window === 0) return { ...(await client.closed), protocol: client.ws.protocol, received: Buffer.alloc(0) };
  const id = client.open(pool.collector);
  client.send(id, authenticateOpening());
  await client.until(() => firstAd(client.streams.get(id)!.data) !== undefined);
  return { ...(await client.close()), protocol: client.ws.protocol, received: client.streams.get(id)!.data };
}

describe('the proxy, with bearer tokens and an origin list', () => {
  let proxy: RunningProxy;
  const logs: LogEvent[] = [];
  beforeAll(async () => {
    proxy = await startProxy({
      allow: [pool.collector],
      tokens: [TOKEN],
      origins: ['https://notebook.example.org'],
      log: (e) => logs.push(e),
    });
  });
  afterAll(() => proxy.close());

  it('refuses a client without a token', async () => {
    const closed = await open(proxy.url);
    expect(closed.code).toBe(CloseCode.Unauthorized);
    expect(closed.reason).toBe('a valid bearer token is required');
  });

  it('refuses a wrong token', async () => {
    expect((await open(proxy.url, { protocols: [PROTOCOL, 'bearer.wrong'] })).code).toBe(CloseCode.Unauthorized);
    expect((await open(proxy.url, { headers: { authorization: 'Bearer tok_3f9c2a7d1f' } })).code).toBe(CloseCode.Unauthorized);
  });

  it('relays for a token as a subprotocol (browsers) or as a header, answering with its own protocol', async () => {
    const viaProtocol = await open(proxy.url, { protocols: [PROTOCOL, `bearer.${TOKEN}`] });
    expect(firstAd(viaProtocol.received)).toContain('Enact = "YES"');
    expect(viaProtocol.protocol).toBe(PROTOCOL);
    const viaHeader = await open(proxy.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(firstAd(viaHeader.received)).toContain('Enact = "YES"');
  });

  it('refuses a browser from another origin, even with the token', async () => {
    const closed = await open(proxy.url, { protocols: [PROTOCOL, `bearer.${TOKEN}`], headers: { origin: 'https://evil.example.com' } });
    expect(closed.code).toBe(CloseCode.OriginNotAllowed);
    expect(closed.reason).toBe('origin https://evil.example.com is not allowed by this proxy');
    const allowed = await open(proxy.url, { protocols: [PROTOCOL, `bearer.${TOKEN}`], headers: { origin: 'https://notebook.example.org' } });
    expect(firstAd(allowed.received)).toContain('Enact = "YES"');
  });

  it('refuses an origin too long to quote in a close frame with the reason cut short, and goes on', async () => {
    const origin = `https://${'a'.repeat(300)}.example.com`;
    const closed = await open(proxy.url, { protocols: [PROTOCOL, `bearer.${TOKEN}`], headers: { origin } });
    expect(closed.code).toBe(CloseCode.OriginNotAllowed);
    expect(closed.reason).toBe(`origin ${origin}`.slice(0, 123));
    const allowed = await open(proxy.url, { protocols: [PROTOCOL, `bearer.${TOKEN}`] });
    expect(firstAd(allowed.received)).toContain('Enact = "YES"');
  });

  it('survives a refused client that goes on sending, over the largest message', async () => {
    const ws = new WebSocket(proxy.url);
    ws.on('open', () => ws.send(Buffer.alloc(4 * 1024 * 1024)));
    ws.on('error', () => {});
    const code = await new Promise((resolve) => ws.on('close', resolve));
    expect([CloseCode.Unauthorized, 1009]).toContain(code);
    const allowed = await open(proxy.url, { protocols: [PROTOCOL, `bearer.${TOKEN}`] });
    expect(firstAd(allowed.received)).toContain('Enact = "YES"');
  });

  it('never logs a token', () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });
});

describe('the proxy over TLS', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'htcondor-wasm-tls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves wss:// with the given certificate', async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    const cert = readFileSync(path.join(dir, 'cert.pem'));
    const proxy = await startProxy({ allow: [pool.collector], tls: { cert, key: readFileSync(path.join(dir, 'key.pem')) } });
    try {
      expect(proxy.url.startsWith('wss://')).toBe(true);
      const reply = await open(proxy.url, { ca: cert });
      expect(firstAd(reply.received)).toContain('Enact = "YES"');
    } finally {
      await proxy.close();
    }
  });
});
