import WebSocket from 'ws';

export interface Closed {
  readonly code: number;
  readonly reason: string;
  readonly received: Buffer;
}

/** Opens `url`, sends `send` once open, and resolves with what came back when the proxy closes. */
export function exchange(url: string, send?: Buffer | string, until?: (received: Buffer) => boolean): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let received = Buffer.alloc(0);
    ws.on('open', () => send !== undefined && ws.send(send));
    ws.on('message', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      if (until?.(received)) ws.close(1000, 'test done');
    });
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString(), received }));
    ws.on('error', reject);
  });
}
