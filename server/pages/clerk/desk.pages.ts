import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { ApplicationActions } from '../../applications/actions.ts';
import { DispatchActions } from '../../applications/dispatch.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import type { RouteSpec } from '../../http/routes.ts';
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

/** 窗口: the centre's queue of applications, and what a clerk does to one of them. */
export function deskRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);
  const dispatch = new DispatchActions(services);
  const show = showDeskApplication.bind(null, services);
  const soft = (error: unknown) => error instanceof HttpError && [409, 422, 503].includes(error.status);

  return [
    {
      method: 'get',
      path: '/desk',
      access: ['clerk', 'admin'],
      kind: 'page',
      summary: '窗口办件列表',
      handler: (req, res) => showDesk(services, req, res),
    },
    {
      method: 'get',
      path: '/desk/applications/:id',
      access: ['clerk', 'admin'],
      kind: 'page',
      owns: 'application',
      summary: '审核办件',
      handler: (req, res) => show(req, res, String(req.params.id), deskNotice(req.query)),
    },
    {
      method: 'post',
      path: '/desk/applications/:id/return',
      access: ['clerk', 'admin'],
      kind: 'page',
      owns: 'application',
      summary: '退回申请人修改',
      handler: async (req, res) => {
        const id = String(req.params.id);
        const reason = typeof req.body?.reason === 'string' ? req.body.reason.trim() : '';
        if (reason.length < 2) return show(req, res, id, { errors: { reason: '请填写退回原因' } }, 422);
        try {
          await actions.sendBack(req, id, reason.slice(0, 500));
        } catch (error) {
          if (soft(error))
            return show(
              req,
              res,
              id,
              { errors: { reason: (error as Error).message } },
              (error as HttpError).status,
            );
          throw error;
        }
        res.redirect(303, `/desk/applications/${id}`);
      },
    },
    {
      method: 'post',
      path: '/desk/applications/:id/dispatch',
      access: ['clerk', 'admin'],
      kind: 'page',
      owns: 'application',
      summary: '一键提交各部门',
      handler: async (req, res) => {
        const id = String(req.params.id);
        try {
          await dispatch.dispatch(req, id);
        } catch (error) {
          if (soft(error))
            return show(
              req,
              res,
              id,
              { notice: { kind: 'error', text: (error as Error).message } },
              (error as HttpError).status,
            );
          throw error;
        }
        res.redirect(303, `/desk/applications/${id}`);
      },
    },
    {
      method: 'post',
      path: '/desk/applications/:id/resubmit',
      access: ['clerk', 'admin'],
      kind: 'page',
      owns: 'application',
      summary: '重新提交失败的事项',
      handler: async (req, res) => {
        const id = String(req.params.id);
        const picked = req.body?.items;
        const items = (Array.isArray(picked) ? picked : picked === undefined ? [] : [picked]).map(String);
        try {
          await dispatch.resubmit(req, id, items);
        } catch (error) {
          if (soft(error))
            return show(
              req,
              res,
              id,
              { notice: { kind: 'error', text: (error as Error).message } },
              (error as HttpError).status,
            );
          throw error;
        }
        res.redirect(303, `/desk/applications/${id}`);
      },
    },
    {
      method: 'post',
      path: '/desk/applications/:id/tasks/:taskId',
      access: ['clerk', 'admin'],
      kind: 'page',
      owns: 'application',
      summary: '回答机器人的验证码请求',
      handler: async (req, res) => {
        const id = String(req.params.id);
        try {
          await dispatch.answer(req, id, Number(req.params.taskId), String(req.body?.answer ?? ''), [
            'captcha',
            'sms-code',
          ]);
        } catch (error) {
          if (soft(error)) {
            const text = (error as HttpError).issues[0]?.message ?? (error as Error).message;
            return show(req, res, id, { notice: { kind: 'error', text } }, (error as HttpError).status);
          }
          throw error;
        }
        res.redirect(303, `/desk/applications/${id}`);
      },
    },
    {
      method: 'get',
      path: '/desk/applications/:id/tasks/:taskId/image',
      access: ['clerk', 'admin'],
      kind: 'page',
      owns: 'application',
      summary: '验证码图片',
      handler: async (req, res) => {
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
      },
    },
  ];
}
