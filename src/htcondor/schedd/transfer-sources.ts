// Where a file to upload comes from when the caller hands it over instead of naming a path: a
// browser File or Blob, or bytes. Read a piece at a time, so a large File is never whole in memory.

/** A file's contents given in code (Schedd.spool's `files` option). */
export type InputSource = Blob | Uint8Array;

export function sourceSize(source: InputSource): number {
  return source instanceof Uint8Array ? source.length : source.size;
}

export async function readSource(source: InputSource, offset: number, length: number): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source.subarray(offset, offset + length);
  return new Uint8Array(await source.slice(offset, offset + length).arrayBuffer());
}
