import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Request, Response } from 'express';
import { notFound } from '../../http/errors.ts';
import type { RouteSpec } from '../../http/routes.ts';

/**
 * The BullMQ board for the raw view of the queues, at /admin/queues, for admins only. Read-only: pausing
 * and limits go through the 部门系统 page, which records who did it in the audit log.
 */
export const BOARD_PATH = '/admin/queues';

const DAY = { month: '2-digit', day: '2-digit' } as const;

export function queueBoardRoutes(queues: readonly Queue[] | undefined, timeZone: string): RouteSpec[] {
  if (!queues?.length) return [];
  const adapter = new ExpressAdapter();
  adapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: adapter,
    options: {
      uiConfig: {
        boardTitle: '一件事 · 队列',
        locale: { lng: 'zh-CN' },
        // The board formats times in the browser; without a zone it shows the browser's own (UTC on a
        // server's browser) while every other page shows the centre's.
        dateFormats: {
          short: { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
          common: {
            timeZone,
            ...DAY,
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            hourCycle: 'h23',
          },
          full: {
            timeZone,
            year: 'numeric',
            ...DAY,
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            hourCycle: 'h23',
          },
        },
        miscLinks: [
          { text: '返回管理菜单', url: '/admin' },
          { text: '部门系统与队列', url: '/admin/portals' },
        ],
      },
    },
  });
  const router = adapter.getRouter();
  const handler = (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) => {
      const original = req.url;
      req.url = original.slice(BOARD_PATH.length) || '/';
      // The board's own page carries inline styles; its scripts are files, still from this origin only.
      res.set(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
      );
      res.once('finish', () => resolve());
      router(req, res, (error?: unknown) => {
        req.url = original;
        if (error) reject(error);
        else reject(notFound());
      });
    });
  const spec = {
    access: ['admin'] as const,
    kind: 'page' as const,
    summary: 'BullMQ 队列面板（只读）',
    handler,
  };
  return [
    { method: 'get', path: BOARD_PATH, ...spec },
    { method: 'get', path: `${BOARD_PATH}/*splat`, ...spec },
  ];
}
