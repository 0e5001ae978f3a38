import type { Request } from 'express';
import { z } from 'zod';
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
        const since = sinceOf(req);
        res.writeHead(200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
          'X-Accel-Buffering': 'no',
        });
        res.write(`retry: 3000\n: connected\n\n`);
        const session = req.yj.session?.idHash;
        const unsubscribe = services.events.subscribe(
          {
            userId: user.id,
            role: user.role,
            centreId: user.centreId,
            ...(session ? { sessionId: session } : {}),
          },
          (message) => {
            res.write(
              `id: ${message.seq}\nevent: ${message.type}\ndata: ${JSON.stringify(message.data)}\n\n`,
            );
          },
          () => res.end(),
          since,
        );
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
        // A stream sends no requests, so it would outlive its session: it looks now and then.
        const recheck = setInterval(() => {
          if (!session) return;
          services.sessions.stillSignedIn(session).then(
            (standing) => {
              if (standing) return;
              close();
              res.end();
            },
            (error: unknown) => services.logger.warn({ err: error }, '检查实时更新的会话失败'),
          );
        }, services.options.streamRecheckMs);
        const close = () => {
          clearInterval(heartbeat);
          clearInterval(recheck);
          unsubscribe();
        };
        req.on('close', close);
        res.on('error', close);
      },
    },
  ];
}

const sequence = z.coerce.number().int().nonnegative();

/**
 * Where the stream resumes: the browser's own `Last-Event-ID` on a reconnect, else the `since` the page
 * was rendered with (a fresh EventSource after a reload sends no Last-Event-ID). Nothing usable: live only.
 */
function sinceOf(req: Request): number | undefined {
  for (const raw of [req.get('Last-Event-ID'), req.query.since]) {
    const parsed = sequence.safeParse(raw);
    if (raw !== undefined && raw !== '' && parsed.success) return parsed.data;
  }
  return undefined;
}
