import { z } from 'zod';
import { ApplicationActions } from '../applications/actions.ts';
import { DispatchActions } from '../applications/dispatch.ts';
import { signedIn } from '../http/context.ts';
import type { Services } from '../services.ts';
import type { ApiRegistry } from './registry.ts';
import { idParam, okSchema } from './schemas.ts';

/** Progress after review, the bots' questions and the clerk's one key, as JSON. */
const progressSchema = z
  .object({
    items: z.array(
      z.object({
        itemId: z.string(),
        name: z.string(),
        department: z.string(),
        status: z.string().meta({
          description:
            'pending 待报送 · waiting · queued · running · awaiting-person · awaiting-approval · done · failed · cancelled 已取消 · handed-over 已转人工',
        }),
        receipt: z.record(z.string(), z.string()),
        outputs: z.record(z.string(), z.unknown()),
        failure: z
          .object({
            message: z.string(),
            fields: z.array(
              z.object({
                fieldId: z.string().meta({ description: '部门表单上的字段编号' }),
                label: z.string().optional().meta({ description: '部门表单上的字段名' }),
                elements: z.array(z.string()).optional().meta({ description: '合并表单中对应的数据元' }),
                message: z.string(),
              }),
            ),
          })
          .nullable(),
        held: z.string().nullable().meta({
          description: '窗口人员可见：部门系统已变更、该门户暂停提交时的原因（检查发现的变化）；否则为 null',
        }),
      }),
    ),
    tasks: z.array(
      z.object({
        id: z.number().int(),
        itemId: z.string(),
        kind: z.enum(['sms-code', 'captcha']),
        prompt: z.string(),
        deadline: z.date().transform((date) => date.toISOString()),
      }),
    ),
  })
  .meta({ id: 'Progress' });

/** The fields a portal refused, as the queue stored them (see bots/errors): only what the API documents. */
function refusedFields(failure: Record<string, unknown>) {
  const fields = Array.isArray(failure.fields) ? (failure.fields as Record<string, unknown>[]) : [];
  return fields.map((field) => ({
    fieldId: String(field.fieldId ?? ''),
    ...(typeof field.label === 'string' ? { label: field.label } : {}),
    ...(Array.isArray(field.elements) ? { elements: field.elements.map(String) } : {}),
    message: String(field.message ?? ''),
  }));
}

export function registerProgressApi(api: ApiRegistry, services: Services): void {
  const actions = new ApplicationActions(services);
  const dispatch = new DispatchActions(services);

  api.add({
    method: 'get',
    path: '/api/applications/:id/progress',
    access: 'signed-in',
    owns: 'application',
    tag: '办理进度',
    summary: '各事项的办理状态、回执，以及等待回答的验证码请求',
    params: idParam,
    response: progressSchema,
    handle: async ({ req, params }) => {
      const application = await actions.get(req, params.id);
      const progress = await dispatch.progress(application);
      const applicant = signedIn(req).role === 'applicant';
      return {
        items: progress.items.map((item) => {
          const row = progress.rows.find((candidate) => candidate.itemId === item.id);
          const failure =
            row?.status === 'failed' && row.failure
              ? { message: String(row.failure.message ?? '办理失败'), fields: refusedFields(row.failure) }
              : null;
          return {
            itemId: item.id,
            name: item.name,
            department: item.department,
            status: row?.status ?? 'pending',
            receipt: row?.receipt ?? {},
            outputs: row?.outputs ?? {},
            failure,
            // Only an item not yet filed waits for a held portal.
            held:
              (!applicant &&
                ['waiting', 'queued', undefined].includes(row?.status) &&
                progress.holds?.[item.id]) ||
              null,
          };
        }),
        tasks: progress.tasks.filter((task) => !applicant || task.kind === 'sms-code'),
      };
    },
  });

  api.add({
    method: 'post',
    path: '/api/applications/:id/tasks/:taskId',
    access: 'signed-in',
    owns: 'application',
    tag: '办理进度',
    summary: '回答机器人的验证码请求（申请人：短信验证码；窗口人员：短信或图形验证码）',
    params: idParam.extend({ taskId: z.coerce.number({ error: '请求编号不正确' }).int().positive() }),
    body: z.object({
      answer: z.string({ error: '请输入验证码' }).min(1, '请输入验证码').max(12, '验证码过长'),
    }),
    response: okSchema,
    handle: async ({ req, params, body }) => {
      const kinds =
        signedIn(req).role === 'applicant' ? (['sms-code'] as const) : (['sms-code', 'captcha'] as const);
      await dispatch.answer(req, params.id, params.taskId, body.answer, kinds);
      return { ok: true as const };
    },
  });

  api.add({
    method: 'post',
    path: '/api/applications/:id/dispatch',
    access: ['clerk', 'admin'],
    owns: 'application',
    tag: '窗口',
    summary: '一键提交各部门（待审核 → 办理中）',
    params: idParam,
    response: z.object({ started: z.array(z.string()) }),
    handle: async ({ req, params }) => ({ started: await dispatch.dispatch(req, params.id) }),
  });
}
