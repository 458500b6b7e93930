// The core's ECDH from node:crypto (worker/host-ecdh.ts), as the core calls it: raw keys in,
// the X coordinate out. Checked against WebCrypto's ECDH, a separate implementation path.
import { webcrypto } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { hostEcdh } from '../../worker/host-ecdh.js';

const P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;

async function webCryptoPeer() {
  const pair = await webcrypto.subtle.generateKey(P256, false, ['deriveBits']);
  const publicKey = new Uint8Array(await webcrypto.subtle.exportKey('raw', pair.publicKey));
  return { pair, publicKey };
}

describe('host ECDH on P-256', () => {
  it('agrees with WebCrypto on the shared secret, both ways', async () => {
    const privateKey = new Uint8Array(32);
    const publicKey = new Uint8Array(65);
    expect(hostEcdh!.generate(privateKey, publicKey)).toBe(0);
    expect(publicKey[0]).toBe(4);
    expect(privateKey.some((b) => b !== 0)).toBe(true);

    const peer = await webCryptoPeer();
    const ours = new Uint8Array(32);
    expect(hostEcdh!.agree(privateKey, peer.publicKey, ours)).toBe(0);

    const imported = await webcrypto.subtle.importKey('raw', publicKey, P256, false, []);
    const theirs = new Uint8Array(
      await webcrypto.subtle.deriveBits({ name: 'ECDH', public: imported }, peer.pair.privateKey, 256),
    );
    expect(ours).toEqual(theirs);
  });

  it('agrees with the right key when handshakes interleave (one made after the other, used in either order)', async () => {
    const made = Array.from({ length: 2 }, () => {
      const privateKey = new Uint8Array(32);
      const publicKey = new Uint8Array(65);
      expect(hostEcdh!.generate(privateKey, publicKey)).toBe(0);
      return { privateKey, publicKey };
    });
    const peer = await webCryptoPeer();
    for (const { privateKey, publicKey } of [made[0]!, made[1]!, made[0]!]) {
      const ours = new Uint8Array(32);
      expect(hostEcdh!.agree(privateKey, peer.publicKey, ours)).toBe(0);
      const imported = await webcrypto.subtle.importKey('raw', publicKey, P256, false, []);
      const theirs = new Uint8Array(await webcrypto.subtle.deriveBits({ name: 'ECDH', public: imported }, peer.pair.privateKey, 256));
      expect(ours).toEqual(theirs);
    }
  });

  it('gives a fresh key pair each time', () => {
    const keys = Array.from({ length: 2 }, () => {
      const privateKey = new Uint8Array(32);
      hostEcdh!.generate(privateKey, new Uint8Array(65));
      return Buffer.from(privateKey).toString('hex');
    });
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('refuses a point that is not on the curve', async () => {
    const privateKey = new Uint8Array(32);
    expect(hostEcdh!.generate(privateKey, new Uint8Array(65))).toBe(0);
    const { publicKey } = await webCryptoPeer();
    publicKey[64] ^= 1;
    expect(hostEcdh!.agree(privateKey, publicKey, new Uint8Array(32))).toBe(1);
    expect(hostEcdh!.agree(privateKey, publicKey.subarray(0, 33), new Uint8Array(32))).toBe(1);
  });
});
