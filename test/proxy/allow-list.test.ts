import { describe, expect, it } from 'vitest';

import { isAllowed, parseAllowRule } from '../../build/ts/proxy/allow-list.js';

describe('allow rules', () => {
  it('match addresses, CIDR blocks, host names and port ranges', () => {
    const rules = ['127.0.0.1:9618', '10.0.0.0/8:9600-9700', '[fd00::]/8:*', 'cm.example.org:9618'].map(parseAllowRule);
    expect(isAllowed(rules, '127.0.0.1', '127.0.0.1', 9618)).toBe(true);
    expect(isAllowed(rules, '127.0.0.1', '127.0.0.1', 9619)).toBe(false);
    expect(isAllowed(rules, '127.0.0.2', '127.0.0.2', 9618)).toBe(false);
    expect(isAllowed(rules, '10.1.2.3', '10.1.2.3', 9700)).toBe(true);
    expect(isAllowed(rules, '10.1.2.3', '10.1.2.3', 9701)).toBe(false);
    expect(isAllowed(rules, 'fd00::2', 'fd00::2', 22)).toBe(true);
    expect(isAllowed(rules, 'fe80::1', 'fe80::1', 22)).toBe(false);
    expect(isAllowed(rules, 'CM.example.org', '192.0.2.7', 9618)).toBe(true);
    expect(isAllowed(rules, 'other.example.org', '192.0.2.7', 9618)).toBe(false);
  });

  it('answer an address asked again the same, past the number of addresses remembered', () => {
    const rules = ['10.0.0.0/24:9618', '[fd00::]/120:9618'].map(parseAllowRule);
    // 4,096 addresses; those of the first 256 of each family are inside the blocks.
    const addresses = Array.from({ length: 8 * 256 }, (_, i) => [`10.0.${i >> 8}.${i & 255}`, `fd00::${(i >> 8).toString(16)}${(i & 255).toString(16).padStart(2, '0')}`]);
    const inside = addresses.slice(0, 256).flat();
    for (let pass = 0; pass < 2; pass++) {
      expect(addresses.flat().filter((address) => isAllowed(rules, address, address, 9618))).toEqual(inside);
    }
  });

  it('allow nothing when empty', () => {
    expect(isAllowed([], '127.0.0.1', '127.0.0.1', 9618)).toBe(false);
  });

  it('reject malformed rules with the reason', () => {
    expect(() => parseAllowRule('127.0.0.1')).toThrow(/is not HOST:PORTS/);
    expect(() => parseAllowRule('127.0.0.1/33:9618')).toThrow(/bad prefix length/);
    expect(() => parseAllowRule('127.0.0.1:0')).toThrow(/bad port range/);
    expect(() => parseAllowRule('127.0.0.1:9700-9600')).toThrow(/bad port range/);
    expect(() => parseAllowRule('bad_host!:1')).toThrow(/bad host/);
  });
});
