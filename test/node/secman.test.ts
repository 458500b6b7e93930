// SecMan against the real pool's shipped secure configuration: IDTOKENS authentication as the
// test user, ECDH and AES-GCM, session resumption, and the errors of each way it can fail.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { htcondor, HTCondorEnumError, HTCondorIOError, HTCondorValueError } from 'htcondor-wasm';
import { startProxy } from 'htcondor-wasm/proxy';

const pool = inject('pool');
const token = readFileSync(pool.tokenFile, 'utf8').trim();

function secman(): htcondor.SecMan {
  const s = new htcondor.SecMan();
  s.setToken(token);
  return s;
}

// A TCP relay to the collector that records what the client sends first on each connection,
// to see whether a command opened a new session or resumed one.
function relay(): Promise<{ address: string; openings: string[]; close(): void }> {
  const openings: string[] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(9618, '127.0.0.1');
    let first = true;
    client.on('data', (chunk) => {
      if (first) openings.push(chunk.toString('latin1'));
      first = false;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ address: `<127.0.0.1:${port}>`, openings, close: () => server.close() });
    }),
  );
}

describe('SecMan.ping', () => {
  it('authenticates with IDTOKENS and reports an AES-GCM session', async () => {
    const ad = await secman().ping(pool.collector, 'READ');
    expect(ad.get('AuthorizationSucceeded')).toBe(true);
    expect(ad.get('MyRemoteUserName')).toBe(pool.identity);
    expect(ad.get('AuthMethods')).toBe('TOKEN');
    expect(ad.get('Authentication')).toBe('YES');
    expect(ad.get('Encryption')).toBe('YES');
    expect(ad.get('CryptoMethods')).toBe('AES');
    expect(ad.get('AuthCommand')).toBe(60020);
    expect(String(ad.get('ValidCommands')).split(',')).toContain('5');
  });

  it('reaches the schedd through the shared port, located by the collector', async () => {
    const [schedd] = await new htcondor.Collector(pool.collector).query(htcondor.AdTypes.Schedd, 'true', ['MyAddress', 'Name']);
    expect(String(schedd!.get('MyAddress'))).toContain('sock=schedd');
    const ad = await secman().ping(schedd!, 'WRITE');
    expect(ad.get('AuthorizationSucceeded')).toBe(true);
    expect(ad.get('MyRemoteUserName')).toBe(pool.identity);
    expect(ad.get('AuthCommand')).toBe(60021);
  });

  it('accepts command names and numbers, and refuses anything else with HTCondorEnumError', async () => {
    expect((await secman().ping(pool.collector, 'QUERY_STARTD_ADS')).get('AuthCommand')).toBe(5);
    expect((await secman().ping(pool.collector, 60011)).get('AuthCommand')).toBe(60011);
    await expect(secman().ping(pool.collector, 'NO_SUCH_LEVEL')).rejects.toThrow(HTCondorEnumError);
  });

  it('names commands as HTCondor does, and refuses what is not a command or an address with HTCondorValueError', async () => {
    const s = new htcondor.SecMan();
    expect(await s.getCommandString(5)).toBe('QUERY_STARTD_ADS');
    expect(await s.getCommandString(60040)).toBe('DC_SEC_QUERY');
    await expect(s.getCommandString(99999)).rejects.toThrow(HTCondorValueError);
    await expect(s.ping('<not a sinful', 'READ')).rejects.toThrow(/^bad daemon address <not a sinful: /);
    await expect(s.ping('<not a sinful', 'READ')).rejects.toThrow(HTCondorValueError);
  });

  it('fails with HTCondorIOError naming the refusal when the user is not authorized', async () => {
    const error = await secman().ping(pool.collector, 'ADMINISTRATOR').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect((error as Error).message).toContain(`refused command 60023 for ${pool.identity}`);
    expect((error as Error).message).toContain('DENIED');
  });
});

describe('through the proxy, from Node', () => {
  it('the same IDTOKENS session as a stream on the proxy WebSocket (the ws package where Node has no WebSocket)', async () => {
    const proxy = await startProxy({ allow: [pool.collector] });
    try {
      const s = new htcondor.SecMan({ proxy: proxy.url });
      s.setToken(token);
      const ad = await s.ping(pool.collector, 'READ');
      expect(ad.get('MyRemoteUserName')).toBe(pool.identity);
      expect(ad.get('CryptoMethods')).toBe('AES');
    } finally {
      await proxy.close();
    }
  });
});

describe('sessions', () => {
  let forward: Awaited<ReturnType<typeof relay>>;
  beforeAll(async () => {
    forward = await relay();
  });
  afterAll(() => forward.close());

  it('a second command to the same daemon resumes the session instead of authenticating again', async () => {
    const security = secman();
    security.setTag('resume-test');
    const collector = new htcondor.Collector(forward.address, { security });
    const direct = (await new htcondor.Collector(pool.collector).query(htcondor.AdTypes.Collector)).length;
    expect((await collector.query(htcondor.AdTypes.Collector)).length).toBe(direct);
    expect((await collector.query(htcondor.AdTypes.Collector)).length).toBe(direct);
    expect(forward.openings).toHaveLength(2);
    expect(forward.openings[0]).toContain('NewSession');
    expect(forward.openings[1]).toContain('UseSession');
    expect(forward.openings[1]).not.toContain('NewSession');

    // Forgotten sessions are negotiated anew.
    await security.invalidateAllSessions();
    await collector.query(htcondor.AdTypes.Collector);
    expect(forward.openings[2]).toContain('NewSession');
  });

  it("opens with the client's TRUST_DOMAIN, as HTCondor's clients do", async () => {
    const seen = forward.openings.length;
    const security = secman();
    security.setConfig('TRUST_DOMAIN', 'trust.example.org');
    expect((await security.ping(forward.address, 'READ')).get('MyRemoteUserName')).toBe(pool.identity);
    expect(forward.openings[seen]).toContain('TrustDomain = "trust.example.org"');
  });

  it('never resumes a session made with another token', async () => {
    await new htcondor.SecMan().invalidateAllSessions();
    const before = forward.openings.length;
    const security = secman();
    security.setTag('resume-test');
    await new htcondor.Collector(forward.address, { security }).query(htcondor.AdTypes.Collector);
    const other = new htcondor.SecMan();
    other.setTag('resume-test');
    other.setToken(token + ' ');  // the same token, differently written: other credentials
    await new htcondor.Collector(forward.address, { security: other }).query(htcondor.AdTypes.Collector);
    expect(forward.openings.slice(before).map((o) => o.includes('NewSession'))).toEqual([true, true]);
  });
});

describe('other credentials', () => {
  it('without any, a READ ping still succeeds unauthenticated where the pool allows it', async () => {
    const ad = await new htcondor.SecMan().ping(pool.collector, 'READ');
    expect(ad.get('AuthorizationSucceeded')).toBe(true);
    expect(ad.get('MyRemoteUserName')).toBe('unauthenticated@unmapped');
    expect(ad.get('Authentication')).toBe('NO');
  });

  it('PASSWORD authenticates with the pool password', async () => {
    const s = new htcondor.SecMan();
    s.setConfig('SEC_CLIENT_AUTHENTICATION_METHODS', 'PASSWORD');
    s.setPoolPassword(pool.poolPassword);
    const ad = await s.ping(pool.collector, 'READ');
    expect(ad.get('AuthMethods')).toBe('PASSWORD');
    expect(ad.get('MyRemoteUserName')).toMatch(/^condor(_pool)?@/);
    expect(ad.get('CryptoMethods')).toBe('AES');
  });

  it('a wrong pool password fails with HTCondorIOError naming the method and the refusal', async () => {
    const s = new htcondor.SecMan();
    s.setConfig('SEC_CLIENT_AUTHENTICATION', 'REQUIRED');
    s.setConfig('SEC_CLIENT_AUTHENTICATION_METHODS', 'PASSWORD');
    s.setPoolPassword('not the pool password');
    const error = await s.ping(pool.collector, 'READ').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect((error as Error).message).toMatch(/^authentication failed: .*PASSWORD: /);
  });

  it('a token signed with another key fails, naming the token and the daemon\'s methods', async () => {
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.alloc(32, 7).toString('base64url')}`;
    const s = new htcondor.SecMan();
    s.setConfig('SEC_CLIENT_AUTHENTICATION', 'REQUIRED');
    s.setToken(forged);
    const error = await s.ping(pool.collector, 'READ').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect((error as Error).message).toMatch(/^authentication failed: this client can use TOKEN; the daemon accepts .*TOKEN/);
    expect((error as Error).message).toMatch(new RegExp(`IDTOKENS \\(token \\w+ for ${pool.identity}, key id POOL\\): `));
  });

  it('an expired token is not offered: the error says so', async () => {
    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const expired = `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: 1_000_000_000 })).toString('base64url')}.AAAA`;
    const s = new htcondor.SecMan();
    s.setConfig('SEC_CLIENT_AUTHENTICATION', 'REQUIRED');
    s.setToken(expired);
    const error = await s.ping(pool.collector, 'READ').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect((error as Error).message).toContain(`IDTOKENS: token for ${pool.identity} expired at 1000000000`);
  });

  it('a client that requires what the daemon never allows is refused with the policy named', async () => {
    const s = secman();
    s.setConfig('SEC_CLIENT_AUTHENTICATION_METHODS', 'CLAIMTOBE');
    s.setConfig('SEC_CLIENT_AUTHENTICATION', 'REQUIRED');
    const error = await s.ping(pool.collector, 'READ').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTCondorIOError);
    expect((error as Error).message).toMatch(/^authentication failed: this client can use CLAIMTOBE; the daemon accepts FS,TOKEN/);
  });

  it('a bad security level is an HTCondorValueError', async () => {
    const s = new htcondor.SecMan();
    s.setConfig('SEC_CLIENT_ENCRYPTION', 'SOMETIMES');
    await expect(s.ping(pool.collector, 'READ')).rejects.toThrow(HTCondorValueError);
  });

  it('settings changed after a call apply to the next call', async () => {
    const s = secman();
    expect((await s.ping(pool.collector, 'READ')).get('Encryption')).toBe('YES');
    s.setConfig('SEC_CLIENT_ENCRYPTION', 'SOMETIMES');
    await expect(s.ping(pool.collector, 'READ')).rejects.toThrow(HTCondorValueError);
    s.setConfig('SEC_CLIENT_ENCRYPTION', 'REQUIRED');
    expect((await s.ping(pool.collector, 'READ')).get('Encryption')).toBe('YES');
  });

  it('many distinct SecMans in turn each keep working (the worker keeps settings for only some of them)', async () => {
    const many = Array.from({ length: 24 }, (_, i) => {
      const s = secman();
      s.setTag(`tag-${i}`);
      return s;
    });
    for (const round of [0, 1]) {
      for (const s of many) {
        const ad = await s.ping(pool.collector, 'READ');
        expect(ad.get('MyRemoteUserName'), `round ${round}`).toBe(pool.identity);
      }
    }
  });
});

describe('SSL and SCITOKENS (TLS through CEDAR)', () => {
  const ca = readFileSync(pool.sslCaFile, 'utf8');
  const only = (method: string) => {
    const s = new htcondor.SecMan();
    s.setConfig('SEC_CLIENT_AUTHENTICATION', 'REQUIRED');
    s.setConfig('SEC_CLIENT_AUTHENTICATION_METHODS', method);
    return s;
  };
  const failure = (promise: Promise<unknown>) => promise.then(() => new Error('no error'), (e: unknown) => e as Error);

  it('SSL verifies the daemon against the trusted CA and gives an AES-GCM session', async () => {
    const s = only('SSL');
    s.setCaCertificates(ca);
    const ad = await s.ping(pool.collector, 'READ');
    expect(ad.get('AuthMethods')).toBe('SSL');
    // No client certificate: the daemon knows who it is, not who we are.
    expect(ad.get('MyRemoteUserName')).toBe('unauthenticated@unmapped');
    expect(ad.get('CryptoMethods')).toBe('AES');
  });

  it('SSL refuses a daemon whose certificate another CA signed, or that names another host', async () => {
    const wrongCa = only('SSL');
    wrongCa.setCaCertificates(readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8'));
    const e1 = await failure(wrongCa.ping(pool.collector, 'READ'));
    expect(e1).toBeInstanceOf(HTCondorIOError);
    expect(e1.message).toContain("SSL: the daemon's certificate is not trusted: The certificate is not correctly signed by the trusted CA");

    const wrongHost = only('SSL');
    wrongHost.setCaCertificates(ca);
    const e2 = await failure(wrongHost.ping(`<${pool.collector}?alias=elsewhere.example>`, 'READ'));
    expect(e2.message).toContain('does not match with the expected CN');
  });

  it('SSL without any trusted CA is not offered, and says why', async () => {
    const e = await failure(only('SSL').ping(pool.collector, 'READ'));
    expect(e.message).toContain('SSL: no trusted CA certificates are configured (AUTH_SSL_CLIENT_CAFILE)');
  });

  it('SCITOKENS sends the token through TLS; this pool trusts no issuer, so the daemon rejects it', async () => {
    const s = only('SCITOKENS');
    s.setCaCertificates(ca);
    s.setSciToken('eyJhbGciOiJFUzI1NiIsImtpZCI6ImtleSJ9.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwic3ViIjoiYWxpY2UifQ.c2ln');
    const e = await failure(s.ping(pool.collector, 'READ'));
    expect(e).toBeInstanceOf(HTCondorIOError);
    expect(e.message).toContain('SCITOKENS: the daemon rejected the token');
  });

  it('SCITOKENS_FILE and AUTH_SSL_CLIENT_CAFILE are read by each handshake: a token file written after a first call is used by the next', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scitoken-'));
    try {
      const tokenFile = path.join(dir, 'token');
      const s = only('SCITOKENS');
      s.setConfig('AUTH_SSL_CLIENT_CAFILE', pool.sslCaFile);
      s.setConfig('SCITOKENS_FILE', tokenFile);
      const before = await failure(s.ping(pool.collector, 'READ'));
      expect(before.message).toContain('SCITOKENS: no SciToken was given or found');
      writeFileSync(tokenFile, 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImtleSJ9.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwic3ViIjoiYWxpY2UifQ.c2ln\n');
      const after = await failure(s.ping(pool.collector, 'READ'));
      expect(after.message).toContain('SCITOKENS: the daemon rejected the token');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
