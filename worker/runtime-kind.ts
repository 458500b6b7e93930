// Node, Deno and Bun run the same host; a few choices are Node's alone (its `net` reads through
// `onread`, and its WebSocket client is the `ws` package).
export const isNode = typeof (globalThis as { Deno?: unknown }).Deno === 'undefined' && !('bun' in process.versions);
