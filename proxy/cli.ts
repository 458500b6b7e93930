// htcondor-wasm-proxy: runs the relay. It refuses every target unless told the pool's
// address (--pool, or COLLECTOR_HOST) or given --allow rules.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { jsonLinesTo } from './log.js';
import { startProxy } from './server.js';

const usage = `usage: htcondor-wasm-proxy [options]
  --listen HOST:PORT        where to listen (default 127.0.0.1:8080)
  --pool HOST:PORT          the pool's collector (default: $COLLECTOR_HOST); allowed as a target
  --allow HOST:PORTS        another allowed target: IP, CIDR or host name; port, range or * (repeatable)
  --max-connections N       streams open in total, WebSockets too (default 256)
  --max-per-client N        streams open per client address, WebSockets too (default 32)
  --max-buffered-bytes N    each stream's window: bytes buffered per direction (default 1114112)
  --idle-timeout SECONDS    close streams idle this long, and WebSockets without a stream (default 600)
  --token-file FILE         require a bearer token: one valid token per line of FILE
  --origin ORIGIN           allow browsers from this origin only (repeatable), e.g. https://notebook.example.org
  --tls-cert FILE --tls-key FILE   serve wss:// with this PEM certificate and key
Logs are JSON lines on stderr; tokens never appear in them.`;

function main(): void {
  const { values } = parseArgs({
    options: {
      listen: { type: 'string', default: '127.0.0.1:8080' },
      pool: { type: 'string' },
      allow: { type: 'string', multiple: true, default: [] },
      'max-connections': { type: 'string' },
      'max-per-client': { type: 'string' },
      'max-buffered-bytes': { type: 'string' },
      'idle-timeout': { type: 'string' },
      'token-file': { type: 'string' },
      origin: { type: 'string', multiple: true, default: [] },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const listen = /^(.*):(\d+)$/.exec(values.listen);
  if (!listen) throw new TypeError(`--listen '${values.listen}' is not HOST:PORT`);
  const pool = values.pool ?? process.env['COLLECTOR_HOST'];
  const allow = [...(pool ? [pool.includes(':') ? pool : `${pool}:9618`] : []), ...values.allow];
  const log = jsonLinesTo((line) => process.stderr.write(line));
  if (allow.length === 0) log({ event: 'warning', message: 'no --pool or --allow given: every target will be refused' });
  const number = (name: string, value: string | undefined, scale = 1) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new TypeError(`--${name} '${value}' is not a whole number`);
    return n * scale;
  };
  startProxy({
    host: listen[1]!.replace(/^\[|\]$/g, ''),
    port: Number(listen[2]),
    allow,
    ...defined('maxConnections', number('max-connections', values['max-connections'])),
    ...defined('maxConnectionsPerClient', number('max-per-client', values['max-per-client'])),
    ...defined('maxBufferedBytes', number('max-buffered-bytes', values['max-buffered-bytes'])),
    ...defined('idleTimeoutMs', number('idle-timeout', values['idle-timeout'], 1000)),
    ...defined('tokens', values['token-file'] === undefined ? undefined : tokensFrom(values['token-file'])),
    ...defined('origins', values.origin.length ? values.origin : undefined),
    ...defined('tls', tlsFrom(values['tls-cert'], values['tls-key'])),
    log,
  }).then((proxy) => {
    const stop = () => void proxy.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }, fail);
}

function tokensFrom(file: string): string[] {
  const tokens = readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
  if (tokens.length === 0) throw new TypeError(`--token-file ${file} holds no token`);
  return tokens;
}

function tlsFrom(cert: string | undefined, key: string | undefined): { cert: Buffer; key: Buffer } | undefined {
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new TypeError('--tls-cert and --tls-key go together');
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}

function fail(error: unknown): never {
  console.error(`htcondor-wasm-proxy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

try {
  main();
} catch (error) {
  fail(error);
}
