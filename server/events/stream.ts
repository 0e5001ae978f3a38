import { signedIn } from '../http/context.ts';
import type { RouteSpec } from '../http/routes.ts';
import type { Services } from '../services.ts';

/** Keeps proxies and the browser from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/**
 * `GET /events`: one server-sent-events stream per open page. What a person receives is decided by the
 * hub from who they are (their own applications, their centre's, or everything for admins).
 */
export function eventRoutes(services: Services): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/events',
      access: 'signed-in',
      kind: 'api',
      summary: '实时更新（server-sent events）',
      handler: (req, res) => {
        const user = signedIn(req);
        res.writeHead(200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
          'X-Accel-Buffering': 'no',
        });
        res.write(`retry: 3000\n: connected\n\n`);
        const unsubscribe = services.events.subscribe(
          { userId: user.id, role: user.role, centreId: user.centreId },
          (message) => {
            res.write(`event: ${message.type}\ndata: ${JSON.stringify(message.data)}\n\n`);
          },
          () => res.end(),
        );
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
        const close = () => {
          clearInterval(heartbeat);
          unsubscribe();
        };
        req.on('close', close);
        res.on('error', close);
      },
    },
  ];
}
