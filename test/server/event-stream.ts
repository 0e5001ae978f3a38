import { expect } from 'vitest';
import type { Client } from './client.ts';

export interface Stream {
  events: { type: string; data: Record<string, unknown> }[];
  close(): void;
  /** Whether the server has ended the stream. */
  ended: boolean;
}

/** Reads `/events` as a browser's EventSource would, collecting the events. */
export async function openEvents(client: Client, since?: string): Promise<Stream> {
  const controller = new AbortController();
  const query = since === undefined ? '' : `?since=${since}`;
  const response = await fetch(`${client.base}/events${query}`, {
    headers: { cookie: client.cookieHeader() },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const stream: Stream = { events: [], close: () => controller.abort(), ended: false };
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) {
          stream.ended = true;
          return;
        }
        buffer += decoder.decode(chunk.value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = block.match(/^event: (.+)$/m)?.[1];
          const data = block.match(/^data: (.+)$/m)?.[1];
          if (type && data) stream.events.push({ type, data: JSON.parse(data) });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return stream;
}
