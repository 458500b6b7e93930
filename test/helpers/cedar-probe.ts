// A minimal, independent CEDAR client for tests of the transport (not the library's own
// encoder): the opening of a DC_AUTHENTICATE exchange, through the shared port, and a reader
// for the collector's plaintext policy reply. Layouts: docs/protocol transport-and-security 2-5.

const int64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};
const cstring = (s: string) => Buffer.from(`${s}\0`, 'utf8');
const packet = (payload: Buffer) => {
  const header = Buffer.alloc(5);
  header[0] = 1; // end of message
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
};

/** SHARED_PORT_CONNECT to the collector, then DC_AUTHENTICATE asking for the server's policy. */
export function authenticateOpening(): Buffer {
  const ad = [
    'Command = 5',
    'Enact = "NO"',
    'NewSession = "YES"',
    'Authentication = "OPTIONAL"',
    'Encryption = "OPTIONAL"',
    'Integrity = "OPTIONAL"',
    'AuthMethods = "TOKEN"',
    'CryptoMethods = "AES"',
    'RemoteVersion = "$CondorVersion: 23.9.6 2026-01-01 BuildID: htcondor-wasm-test $"',
  ];
  return Buffer.concat([
    packet(Buffer.concat([int64(75), cstring('collector'), cstring('htcondor-wasm-test'), int64(20), int64(0)])),
    packet(Buffer.concat([int64(60010), int64(ad.length), ...ad.map(cstring), cstring(''), cstring('')])),
  ]);
}

/** The attribute lines of the first ClassAd message in `bytes`, or undefined if it is not complete yet. */
export function firstAd(bytes: Buffer): string[] | undefined {
  if (bytes.length < 5) return undefined;
  const length = bytes.readUInt32BE(1);
  if (bytes.length < 5 + length) return undefined;
  const payload = bytes.subarray(5, 5 + length);
  const count = Number(payload.readBigInt64BE(0));
  const lines: string[] = [];
  let at = 8;
  for (let i = 0; i < count; i++) {
    const end = payload.indexOf(0, at);
    lines.push(payload.subarray(at, end).toString('utf8'));
    at = end + 1;
  }
  return lines;
}
