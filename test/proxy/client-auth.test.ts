// The proxy's own gate, before any target is considered: bearer tokens, browser origins, TLS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { CloseCode, PROTOCOL, startProxy, type LogEvent, type RunningProxy } from 'htcondor-wasm/proxy';

import { authenticateOpening, firstAd } from '../helpers/cedar-probe.js';
import { exchange } from '../helpers/ws-client.js';

const pool = inject('pool');
const TOKEN = 'tok_3f9c2a7d1e';

function open(url: string, options: { protocols?: string[]; headers?: Record<string, string>; ca?: Buffer } = {}) {
  return new Promise<{ code: number; reason: string; protocol: string; received: Buffer }>((resolve, reject) => {
    const ws = new WebSocket(url, options.protocols ?? [], {
      ...(options.headers && { headers: options.headers }),
      ...(options.ca && { ca: options.ca }),
    });
    let received = Buffer.alloc(0);
    ws.on('open', () => ws.send(authenticateOpening()));
    ws.on('message', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      if (firstAd(received)) ws.close(1000);
    });
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString(), protocol: ws.protocol, received }));
    ws.on('error', reject);
  });
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
  const target = () => `${proxy.url}?target=${pool.collector}`;

  it('refuses a client without a token', async () => {
    const closed = await exchange(target());
    expect(closed.code).toBe(CloseCode.Unauthorized);
    expect(closed.reason).toBe('a valid bearer token is required');
  });

  it('refuses a wrong token', async () => {
    expect((await open(target(), { protocols: [PROTOCOL, 'bearer.wrong'] })).code).toBe(CloseCode.Unauthorized);
    expect((await open(target(), { headers: { authorization: 'Bearer tok_3f9c2a7d1f' } })).code).toBe(CloseCode.Unauthorized);
  });

  it('relays for a token as a subprotocol (browsers) or as a header, answering with its own protocol', async () => {
    const viaProtocol = await open(target(), { protocols: [PROTOCOL, `bearer.${TOKEN}`] });
    expect(firstAd(viaProtocol.received)).toContain('Enact = "YES"');
    expect(viaProtocol.protocol).toBe(PROTOCOL);
    const viaHeader = await open(target(), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(firstAd(viaHeader.received)).toContain('Enact = "YES"');
  });

  it('refuses a browser from another origin, even with the token', async () => {
    const closed = await open(target(), { protocols: [PROTOCOL, `bearer.${TOKEN}`], headers: { origin: 'https://evil.example.com' } });
    expect(closed.code).toBe(CloseCode.OriginNotAllowed);
    expect(closed.reason).toBe('origin https://evil.example.com is not allowed by this proxy');
    const allowed = await open(target(), { protocols: [PROTOCOL, `bearer.${TOKEN}`], headers: { origin: 'https://notebook.example.org' } });
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
      const reply = await open(`${proxy.url}?target=${pool.collector}`, { ca: cert });
      expect(firstAd(reply.received)).toContain('Enact = "YES"');
    } finally {
      await proxy.close();
    }
  });
});
