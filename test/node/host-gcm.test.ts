// The core's AES-GCM from node:crypto (worker/host-gcm.ts), as the core calls it: HTCondor's
// 16-byte IVs, the packet header as AAD, a tag that must authenticate. Checked against
// WebCrypto's AES-GCM, a separate implementation path.
import { webcrypto } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { hostGcm } from '../../worker/host-gcm.js';

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
const key = bytes(32, 1);
const iv = bytes(16, 2); // HTCondor's IV length, not GCM's usual 12
const aad = bytes(5, 3);
const plaintext = bytes(3000, 4);

async function webCryptoSeal(): Promise<Uint8Array> {
  const k = await webcrypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
  return new Uint8Array(await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, k, plaintext));
}

describe('host AES-256-GCM', () => {
  it('seals as WebCrypto does, and opens what it sealed', async () => {
    const sealed = new Uint8Array(plaintext.length);
    const tag = new Uint8Array(16);
    expect(hostGcm!(true, key, iv, aad, plaintext, sealed, tag)).toBe(0);
    const expected = await webCryptoSeal();
    expect(sealed).toEqual(expected.subarray(0, plaintext.length));
    expect(tag).toEqual(expected.subarray(plaintext.length));

    const opened = new Uint8Array(plaintext.length);
    expect(hostGcm!(false, key, iv, aad, sealed, opened, tag)).toBe(0);
    expect(opened).toEqual(plaintext);
  });

  it('refuses a changed record, header or tag, and writes nothing', async () => {
    const expected = await webCryptoSeal();
    const sealed = expected.slice(0, plaintext.length);
    const tag = expected.slice(plaintext.length);
    const tampered = [
      { data: Uint8Array.from(sealed, (b, i) => (i === 1000 ? b ^ 1 : b)), header: aad, tag },
      { data: sealed, header: Uint8Array.from(aad, (b, i) => (i === 4 ? b ^ 0x80 : b)), tag },
      { data: sealed, header: aad, tag: Uint8Array.from(tag, (b, i) => (i === 15 ? b ^ 1 : b)) },
    ];
    for (const t of tampered) {
      const out = new Uint8Array(plaintext.length);
      expect(hostGcm!(false, key, iv, t.header, t.data, out, t.tag)).toBe(1);
      expect(out.every((b) => b === 0)).toBe(true);
    }
  });
});
