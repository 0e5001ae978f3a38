import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver<T> {
  /** Where to post: http://127.0.0.1:<port>/hook. */
  url: string;
  /** Every body posted so far, parsed as JSON, in order. */
  received: T[];
  close(): void;
}

/** A webhook endpoint on a free local port that keeps what the alert notifier posts to it. */
export async function startWebhookReceiver<T>(): Promise<WebhookReceiver<T>> {
  const received: T[] = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      received.push(JSON.parse(body) as T);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
    received,
    close: () => hook.close(),
  };
}
