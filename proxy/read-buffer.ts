// The buffer Node's `net` reads into for the library's transport and the proxy's targets
// (`onread`): no Buffer and stream event per read. One per thread, made by the first socket:
// each read's bytes are used (passed on, framed or copied) before the next read reuses it.
let buffer: Buffer | undefined;

export const readBuffer = (): Buffer => (buffer ??= Buffer.alloc(64 * 1024));
