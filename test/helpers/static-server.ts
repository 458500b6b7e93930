// Serves the built package (dist/) over HTTP on loopback, for the browser tests, and any extra
// files a test gives (read at each request, with Range requests, as a growing log is served).
// `csp`: a Content-Security-Policy sent with every response (the page's and each worker's).
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

import { listenForBrowsers } from '../../build/ts/proxy/listen.js';

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveDist(distDir: string, extra: Record<string, () => Buffer> = {}, csp?: string): Promise<StaticServer> {
  const server = http.createServer(async (req, res) => {
    if (csp) res.setHeader('content-security-policy', csp);
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const served = extra[pathname]?.();
    if (served) {
      const from = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? -1);
      if (from < 0) return void res.writeHead(200).end(served);
      if (from >= served.length) return void res.writeHead(416).end();
      return void res.writeHead(206, { 'content-range': `bytes ${from}-${served.length - 1}/${served.length}` }).end(served.subarray(from));
    }
    if (pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>htcondor-wasm test</title>');
      return;
    }
    const file = path.join(distDir, path.normalize(pathname));
    if (!file.startsWith(distDir + path.sep)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  // Not on a port Chromium refuses to fetch from.
  const port = await listenForBrowsers(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
