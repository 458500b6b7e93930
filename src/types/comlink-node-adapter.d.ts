// comlink ships types for its Node adapter as node-adapter.d.ts beside an .mjs file, which
// TypeScript does not pair up; this declares the module it imports.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  import type { MessagePort, Worker } from 'node:worker_threads';
  export default function nodeEndpoint(nep: MessagePort | Worker): Endpoint;
}
