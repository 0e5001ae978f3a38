import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Request } from 'express';
import { ApplicationActions } from '../../applications/actions.ts';
import { DispatchActions } from '../../applications/dispatch.ts';
import { HttpError, invalid, notFound } from '../../http/errors.ts';
import { deskPage, type RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import { CLOSED_NOTICES } from '../admin/item-actions.pages.ts';
import { BY_HAND_NOTICE } from './by-hand.pages.ts';
import { showDesk } from './desk-list.ts';
import { type DeskNotice, showDeskApplication } from './desk-view.ts';

/** What a redirect back to the review says happened. */
function deskNotice(query: Record<string, unknown>): { notice?: DeskNotice } {
  if (query.saved)
    return { notice: { kind: 'success', text: '修改已保存。如有失败的事项，可在右侧重新提交。' } };
  if (query.confirmed)
    return { notice: { kind: 'success', text: `已确认 ${Number(query.confirmed) || 0} 项识别结果。` } };
  if (query.closed === 'cancelled' || query.closed === 'handed-over')
    return { notice: { kind: 'success', text: CLOSED_NOTICES[query.closed] } };
  if (query['by-hand']) return { notice: { kind: 'success', text: BY_HAND_NOTICE } };
  if (query.stale) return { notice: { kind: 'error', text: '办件已被他人修改，请核对最新内容后再确认。' } };
  return {};
}

type DeskState = Parameters<typeof showDeskApplication>[4];

/** 窗口: the centre's queue of applications, and what a clerk does to one of them. */
export function deskRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);
  const dispatch = new DispatchActions(services);
  const show = showDeskApplication.bind(null, services);
  const asNotice = (text: string): DeskState => ({ notice: { kind: 'error', text } });

  /**
   * A clerk's action on one application: done, it comes back to the review; refused for a reason the
   * clerk can act on (409, 422, 503), the review shows why with the error's status; anything else throws.
   */
  const act = (
    path: string,
    summary: string,
    run: (req: Request, id: string) => Promise<unknown>,
    refused: (error: HttpError) => DeskState = (error) => asNotice(error.message),
  ): RouteSpec => ({
    method: 'post',
    path: `/desk/applications/:id/${path}`,
    access: ['clerk', 'admin'],
    kind: 'page',
    owns: 'application',
    summary,
    handler: async (req, res) => {
      const id = String(req.params.id);
      try {
        await run(req, id);
      } catch (error) {
        if (error instanceof HttpError && [409, 422, 503].includes(error.status))
          return show(req, res, id, refused(error), error.status);
        throw error;
      }
      res.redirect(303, `/desk/applications/${id}`);
    },
  });

  return [
    {
      method: 'get',
      path: '/desk',
      access: ['clerk', 'admin'],
      kind: 'page',
      summary: '窗口办件列表',
      handler: (req, res) => showDesk(services, req, res),
    },
    deskPage('get', '/desk/applications/:id', '审核办件', (req, res) =>
      show(req, res, String(req.params.id), deskNotice(req.query)),
    ),
    act(
      'return',
      '退回申请人修改',
      async (req, id) => {
        const reason = typeof req.body?.reason === 'string' ? req.body.reason.trim() : '';
        if (reason.length < 2)
          throw invalid([{ path: ['reason'], message: '请填写退回原因' }], '请填写退回原因');
        await actions.sendBack(req, id, reason.slice(0, 500));
      },
      (error) => ({ errors: { reason: error.message } }),
    ),
    act('dispatch', '一键提交各部门', (req, id) => dispatch.dispatch(req, id)),
    act('resubmit', '重新提交失败的事项', (req, id) => {
      const picked = req.body?.items;
      const items = (Array.isArray(picked) ? picked : picked === undefined ? [] : [picked]).map(String);
      return dispatch.resubmit(req, id, items);
    }),
    act(
      'tasks/:taskId',
      '回答机器人的验证码请求',
      (req, id) =>
        dispatch.answer(req, id, Number(req.params.taskId), String(req.body?.answer ?? ''), [
          'captcha',
          'sms-code',
        ]),
      (error) => asNotice(error.issues[0]?.message ?? error.message),
    ),
    deskPage('get', '/desk/applications/:id/tasks/:taskId/image', '验证码图片', async (req, res) => {
      const task = await dispatch.openTask(req, String(req.params.id), Number(req.params.taskId), [
        'captcha',
      ]);
      if (!task.imagePath) throw notFound('验证码图片');
      const root = resolve(services.dataDir, 'evidence');
      const path = resolve(services.dataDir, task.imagePath);
      if (!path.startsWith(root + sep)) throw notFound('验证码图片');
      res
        .set('Cache-Control', 'no-store')
        .type(extname(path) || 'png')
        .send(await readFile(path));
    }),
  ];
}
