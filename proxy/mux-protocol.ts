/**
 * The proxy's stream protocol: one WebSocket (subprotocol `htcondor-wasm`) carries many TCP
 * streams, so a client pays one WebSocket opening per proxy instead of one per command.
 *
 * Each binary WebSocket message holds one or more frames: `type:u8 id:u32 length:u32 body`,
 * big-endian, `length` bytes of body. Stream ids are chosen by the client, start at 1 and only
 * increase; 0 is the connection itself. Frames produced together go in one message, so a
 * command's OPEN and first bytes cost one message.
 *
 *   1 HELLO   proxy -> client, first  id 0; version:u8 (1), window:u32 (>= 1)
 *   2 OPEN    client -> proxy          target: "HOST:PORT" or "[IPv6]:PORT", UTF-8, 1-255 bytes
 *   3 OPENED  proxy -> client          the target accepted; sent just before the stream's first
 *                                      DATA or CLOSE, in the same message, so it costs none
 *   4 DATA    both ways                payload: 1 byte or more, within the sender's credit
 *   5 CREDIT  both ways                bytes:u32 (>= 1) the receiver has passed on
 *   6 CLOSE   both ways                code:u16 (1000-4999), reason: UTF-8, at most 123 bytes
 *
 * Flow control: each direction of each stream starts with `window` bytes of credit (HELLO's);
 * DATA spends it and CREDIT returns it once the receiver has passed the bytes on (the proxy to
 * TCP, the client to the core). A sender never has more than `window` bytes in flight per
 * stream, so a slow reader stalls only its own stream and buffers stay bounded. A message is
 * at most maxMessageSize(window) bytes.
 *
 * A client may send DATA right after OPEN: the proxy holds it until the target is connected.
 * CLOSE ends a stream and its id is never used again; frames for it still in flight are
 * dropped. Either side's CLOSE ends it for both, so a side that is done with a stream (the
 * client with its answer, the proxy with a target that answered and closed) may hold its
 * CLOSE up to 20 ms for its next message, and drops it if the other side's comes first (see
 * mux-outbox.ts); frames for an id never opened break the protocol. From the client, code
 * 1000 means "deliver what I sent, then close the TCP connection"; any other code drops it at
 * once. From the proxy, 1000 means the target closed normally; other codes are refusals and
 * failures (see close-codes.ts). Closing the WebSocket drops every stream on it. A frame that
 * breaks these rules closes the WebSocket with code 1002 and a reason naming the rule.
 */
import { fitReason } from './close-codes.js';

export const VERSION = 1;

export const FrameType = { Hello: 1, Open: 2, Opened: 3, Data: 4, Credit: 5, Close: 6 } as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

export type Frame =
  | { readonly type: typeof FrameType.Hello; readonly id: 0; readonly version: number; readonly window: number }
  | { readonly type: typeof FrameType.Open; readonly id: number; readonly target: string }
  | { readonly type: typeof FrameType.Opened; readonly id: number }
  | { readonly type: typeof FrameType.Data; readonly id: number; readonly payload: Uint8Array }
  | { readonly type: typeof FrameType.Credit; readonly id: number; readonly bytes: number }
  | { readonly type: typeof FrameType.Close; readonly id: number; readonly code: number; readonly reason: string };

/** A frame that breaks the protocol; the WebSocket is closed with 1002 and this message. */
export class ProtocolViolation extends Error {}

const HEADER = 9;
const MAX_TARGET = 255;
const MAX_REASON = 123; // what fits in a WebSocket close frame (fitReason), so reasons can be passed on
/** The last stream id; a client that reaches it opens a new WebSocket. */
export const MAX_STREAM_ID = 0xffffffff;

/** The largest message either side may send: a DATA frame of a full window, or a batch of small frames. */
export const maxMessageSize = (window: number): number => HEADER + Math.max(window, 64 * 1024);

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function frame(type: FrameType, id: number, bodyLength: number): [Uint8Array, DataView] {
  const bytes = new Uint8Array(HEADER + bodyLength);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, type);
  view.setUint32(1, id);
  view.setUint32(5, bodyLength);
  return [bytes, view];
}

export function encodeHello(window: number): Uint8Array {
  const [bytes, view] = frame(FrameType.Hello, 0, 5);
  view.setUint8(HEADER, VERSION);
  view.setUint32(HEADER + 1, window);
  return bytes;
}

export function encodeOpen(id: number, target: string): Uint8Array {
  const text = utf8.encode(target);
  const [bytes] = frame(FrameType.Open, id, text.length);
  bytes.set(text, HEADER);
  return bytes;
}

export function encodeOpened(id: number): Uint8Array {
  return frame(FrameType.Opened, id, 0)[0];
}

export function encodeData(id: number, payload: Uint8Array): Uint8Array {
  const [bytes] = frame(FrameType.Data, id, payload.length);
  bytes.set(payload, HEADER);
  return bytes;
}

export function encodeCredit(id: number, count: number): Uint8Array {
  const [bytes, view] = frame(FrameType.Credit, id, 4);
  view.setUint32(HEADER, count);
  return bytes;
}

/** A reason longer than a close frame allows is cut at a character boundary. */
export function encodeClose(id: number, code: number, reason: string): Uint8Array {
  const text = utf8.encode(fitReason(reason));
  const [bytes, view] = frame(FrameType.Close, id, 2 + text.length);
  view.setUint16(HEADER, code);
  bytes.set(text, HEADER + 2);
  return bytes;
}

/** The frames of one message; checks every field and throws ProtocolViolation for anything else. */
export function decodeMessage(message: Uint8Array): Frame[] {
  const frames: Frame[] = [];
  let at = 0;
  do {
    if (message.length - at < HEADER) throw new ProtocolViolation(`${message.length - at} bytes left in a message, less than a frame header`);
    const length = new DataView(message.buffer, message.byteOffset + at + 5, 4).getUint32(0);
    if (length > message.length - at - HEADER) throw new ProtocolViolation(`a frame's length (${length}) runs past the end of its message`);
    frames.push(decodeFrame(message.subarray(at, at + HEADER + length)));
    at += HEADER + length;
  } while (at < message.length);
  return frames;
}

function decodeFrame(bytes: Uint8Array): Frame {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const type = view.getUint8(0);
  const id = view.getUint32(1);
  const body = bytes.length - HEADER;
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new ProtocolViolation(`${what} (frame type ${type}, stream ${id})`);
  };
  if (type === FrameType.Hello) {
    check(id === 0 && body === 5, 'HELLO has stream 0 and a 5-byte body');
    const version = view.getUint8(HEADER);
    const window = view.getUint32(HEADER + 1);
    check(window >= 1, 'HELLO announces a window of at least 1 byte');
    return { type, id: 0, version, window };
  }
  check(id >= 1, 'stream ids start at 1');
  switch (type) {
    case FrameType.Open:
      check(body >= 1 && body <= MAX_TARGET, `OPEN names a target of 1-${MAX_TARGET} bytes`);
      return { type, id, target: text(bytes.subarray(HEADER), 'OPEN target') };
    case FrameType.Opened:
      check(body === 0, 'OPENED has no body');
      return { type, id };
    case FrameType.Data:
      check(body >= 1, 'DATA carries at least one byte');
      return { type, id, payload: bytes.subarray(HEADER) };
    case FrameType.Credit: {
      check(body === 4, 'CREDIT has a 4-byte body');
      const count = view.getUint32(HEADER);
      check(count >= 1, 'CREDIT returns at least one byte');
      return { type, id, bytes: count };
    }
    case FrameType.Close: {
      check(body >= 2 && body <= 2 + MAX_REASON, `CLOSE has a code and a reason of at most ${MAX_REASON} bytes`);
      const code = view.getUint16(HEADER);
      check(code >= 1000 && code <= 4999, 'CLOSE codes are 1000-4999');
      return { type, id, code, reason: text(bytes.subarray(HEADER + 2), 'CLOSE reason') };
    }
    default:
      throw new ProtocolViolation(`frame type ${type} is not part of the protocol`);
  }
}

function text(bytes: Uint8Array, what: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new ProtocolViolation(`${what} is not valid UTF-8`);
  }
}
