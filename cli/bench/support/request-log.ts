import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** One HTTP request as a sandbox portal's own server saw it: from its headers arriving to its last byte sent. */
export interface ServedRequest {
  portalId: string;
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  startMs: number;
  endMs: number;
}

interface Message {
  request: IncomingMessage;
  response: ServerResponse;
  server: Server;
}

const START = 'http.server.request.start';
const FINISH = 'http.server.response.finish';

/**
 * Records every request the in-process sandbox portals answer, timed by Node's own HTTP server through
 * diagnostics_channel (`http.server.request.start` → `http.server.response.finish`), so neither the portals
 * nor the bots are changed for the measurement. The control API (`/__sandbox`) is left out: only the
 * benchmark itself calls it. `urls` maps portal ids to their base URLs (RunningPortals.urls).
 */
export function recordPortalRequests(urls: Readonly<Record<string, string>>): {
  requests(): readonly ServedRequest[];
  stop(): void;
} {
  const portalByPort = new Map<number, string>();
  for (const [portalId, url] of Object.entries(urls)) portalByPort.set(Number(new URL(url).port), portalId);
  const started = new WeakMap<IncomingMessage, { portalId: string; startMs: number }>();
  const served: ServedRequest[] = [];
  const portOf = (server: Server) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : -1;
  };
  const onStart = (message: unknown) => {
    const { request, server } = message as Message;
    const portalId = portalByPort.get(portOf(server));
    if (portalId && !request.url?.startsWith('/__sandbox'))
      started.set(request, { portalId, startMs: Date.now() });
  };
  const onFinish = (message: unknown) => {
    const { request, response } = message as Message;
    const start = started.get(request);
    if (!start) return;
    started.delete(request);
    served.push({
      ...start,
      method: request.method ?? 'GET',
      path: (request.url ?? '/').split('?')[0] ?? '/',
      status: response.statusCode,
      endMs: Date.now(),
    });
  };
  diagnostics.subscribe(START, onStart);
  diagnostics.subscribe(FINISH, onFinish);
  return {
    requests: () => served,
    stop() {
      diagnostics.unsubscribe(START, onStart);
      diagnostics.unsubscribe(FINISH, onFinish);
    },
  };
}
