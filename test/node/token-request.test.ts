// Tokens over the wire against the real pool: a user asks the collector for a token, an
// administrator approves the request, the user collects the token, and the new token then
// authenticates. Token.write stores a token where HTCondor's tools look for tokens.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, inject, it } from 'vitest';

import { htcondor, HTCondorIOError, HTCondorValueError } from 'htcondor-wasm';
import { startProxy } from 'htcondor-wasm/proxy';

const pool = inject('pool');
const inRoot = path.resolve(import.meta.dirname, '../../scripts/in-root.sh');
// Before the first call starts the core's worker, which takes the environment with it.
const tokensDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'htcondor-wasm-tokens-')), 'tokens.d');
process.env['_CONDOR_SEC_TOKEN_DIRECTORY'] = tokensDir;

const userToken = readFileSync(pool.tokenFile, 'utf8').trim();
const adminToken = execFileSync(inRoot, ['condor_token_create', '-identity', `condor@${pool.identity.split('@')[1]}`], { encoding: 'utf8' }).trim();
const proxy = await startProxy({ allow: [pool.collector] });
afterAll(() => proxy.close());
const withToken = (token: string) => {
  const security = new htcondor.SecMan();
  security.setToken(token);
  return security;
};

describe('TokenRequest', () => {
  it.each(['direct TCP', 'the proxy'])('over %s, is approved by an administrator, and the token it yields authenticates', async (how) => {
    const via = how === 'the proxy' ? { proxy: proxy.url } : {};
    const request = new htcondor.TokenRequest(pool.identity, ['READ'], 3600, { ...via, security: withToken(userToken) });
    await request.submit(pool.collector);
    expect(request.requestId).toMatch(/^\d+$/);
    expect(await request.done()).toBe(false);

    const admin = { ...via, security: withToken(adminToken) };
    const pending = await htcondor.TokenRequest.pending(pool.collector, admin);
    const mine = pending.find((ad) => ad.get('RequestId') === request.requestId);
    expect(mine?.get('RequestedIdentity')).toBe(pool.identity);
    expect(mine?.get('AuthenticatedIdentity')).toBe(pool.identity);
    await htcondor.TokenRequest.approve(request.requestId, pool.collector, admin);

    const token = await request.result(30);
    const claims = JSON.parse(Buffer.from(token.contents.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims['sub']).toBe(pool.identity);
    expect(claims['scope']).toBe('condor:/READ');
    const session = await withToken(token.contents).ping(pool.collector, 'READ');
    expect(session.get('MyRemoteUserName')).toBe(pool.identity);
    expect(session.get('AuthMethods')).toBe('TOKEN');
  });

  it('reports the daemon\'s refusal: approving a request that does not exist, or asking twice', async () => {
    await expect(htcondor.TokenRequest.approve('12345', pool.collector, { security: withToken(adminToken) })).rejects.toThrow(HTCondorValueError);
    const request = new htcondor.TokenRequest(pool.identity, undefined, -1, { security: withToken(userToken) });
    expect(() => request.requestId).toThrow(HTCondorIOError);
    await expect(request.result()).rejects.toThrow(HTCondorIOError);
    await request.submit(pool.collector);
    await expect(request.submit(pool.collector)).rejects.toThrow('Token request already submitted.');
  });

  it('Token.write puts the token in the tokens directory, readable by its owner only', async () => {
    const file = await new htcondor.Token(userToken).write('test-token');
    expect(file).toBe(path.join(tokensDir, 'test-token'));
    expect(readFileSync(file, 'utf8')).toBe(`${userToken}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(tokensDir).mode & 0o777).toBe(0o700);
    await expect(new htcondor.Token(userToken).write('../escape')).rejects.toThrow(HTCondorValueError);
  });
});
