import { z } from 'zod';
import type { FormValues } from '../../forms/index.ts';
import { maskPhone } from '../../lib/redact.ts';
import type { Application } from '../../store/applications.repo.ts';
import type { ApplicationDocument } from '../../store/documents.repo.ts';
import { ApplicationActions } from '../applications/actions.ts';
import { scopeOf } from '../applications/scope.ts';
import { signedIn } from '../http/context.ts';
import { MOBILE } from '../http/validate.ts';
import type { Services } from '../services.ts';
import { receiveUpload, takeUpload } from '../uploads/receive.ts';
import type { ApiRegistry } from './registry.ts';
import {
  applicationSchema,
  applicationSummarySchema,
  bundleSchema,
  createApplicationSchema,
  documentParams,
  documentSchema,
  idParam,
  meSchema,
  okSchema,
  saveValuesSchema,
  sendBackSchema,
  uploadFieldsSchema,
} from './schemas.ts';

/** The JSON API for applications: the same actions as the pages, as JSON. */
export function registerApplicationApi(api: ApiRegistry, services: Services): void {
  const actions = new ApplicationActions(services);
  const detail = async (application: Application, documents?: ApplicationDocument[]) => ({
    ...application,
    documents: documents ?? (await services.documents.list({ kind: 'all' }, application.id)),
  });

  api.add({
    method: 'get',
    path: '/api/me',
    access: 'signed-in',
    tag: '账号',
    summary: '当前登录的账号',
    response: meSchema,
    handle: async ({ req }) => {
      const user = signedIn(req);
      return { ...user, login: MOBILE.test(user.login) ? maskPhone(user.login) : user.login };
    },
  });

  api.add({
    method: 'get',
    path: '/api/bundles',
    access: 'signed-in',
    tag: '事项',
    summary: '可办理的一件事及其事项',
    response: z.array(bundleSchema),
    handle: async () => services.catalog.bundles(),
  });

  api.add({
    method: 'get',
    path: '/api/applications',
    access: 'signed-in',
    tag: '办件',
    summary: '我能看到的办件（申请人：自己的；窗口人员：本中心的；管理员：全部）',
    response: z.array(applicationSummarySchema),
    handle: async ({ req }) => services.applications.list(scopeOf(signedIn(req))),
  });

  api.add({
    method: 'post',
    path: '/api/applications',
    access: ['applicant'],
    tag: '办件',
    summary: '新建办件（草稿）',
    body: createApplicationSchema,
    response: applicationSchema,
    status: 201,
    handle: async ({ req, body }) => detail(await actions.create(req, body), []),
  });

  api.add({
    method: 'get',
    path: '/api/applications/:id',
    access: 'signed-in',
    owns: 'application',
    tag: '办件',
    summary: '办件详情，含已上传的材料',
    params: idParam,
    response: applicationSchema,
    handle: async ({ req, params }) => {
      const application = await actions.get(req, params.id);
      return detail(application, await services.documents.list(scopeOf(signedIn(req)), application.id));
    },
  });

  api.add({
    method: 'put',
    path: '/api/applications/:id/values',
    access: ['applicant'],
    owns: 'application',
    tag: '办件',
    summary: '保存表单（草稿）',
    params: idParam,
    body: saveValuesSchema,
    response: applicationSchema,
    handle: async ({ req, params, body }) =>
      detail(await actions.saveTyped(req, params.id, body as { typed: FormValues; version?: number })),
  });

  api.add({
    method: 'post',
    path: '/api/applications/:id/documents',
    access: ['applicant'],
    owns: 'application',
    tag: '材料',
    summary: '上传材料（JPG/PNG/PDF，按文件内容识别类型）',
    params: idParam,
    body: uploadFieldsSchema,
    multipart: { fileField: 'file' },
    before: [
      receiveUpload({
        maxBytes: services.options.uploadMaxBytes,
        labelOf: (material) => allMaterialLabels(services).get(material ?? ''),
      }),
    ],
    response: documentSchema,
    status: 201,
    handle: async ({ req, res, params, body }) =>
      actions.upload(req, params.id, {
        material: body.material,
        subject: body.subject ?? null,
        file: takeUpload(req, res),
      }),
  });

  api.add({
    method: 'delete',
    path: '/api/applications/:id/documents/:documentId',
    access: ['applicant'],
    owns: 'application',
    tag: '材料',
    summary: '删除已上传的材料',
    params: documentParams,
    response: okSchema,
    handle: async ({ req, params }) => {
      await actions.removeDocument(req, params.id, params.documentId);
      return { ok: true as const };
    },
  });

  api.add({
    method: 'post',
    path: '/api/applications/:id/submit',
    access: ['applicant'],
    owns: 'application',
    tag: '办件',
    summary: '提交申请，等待窗口审核',
    params: idParam,
    response: applicationSchema,
    handle: async ({ req, params }) => detail(await actions.submit(req, params.id)),
  });

  api.add({
    method: 'post',
    path: '/api/applications/:id/return',
    access: ['clerk', 'admin'],
    owns: 'application',
    tag: '窗口',
    summary: '退回申请人修改（附原因）',
    params: idParam,
    body: sendBackSchema,
    response: applicationSchema,
    handle: async ({ req, params, body }) => detail(await actions.sendBack(req, params.id, body.reason)),
  });
}

/** Labels of every material any bundle knows, for the "file too large" message (parsed before the route). */
function allMaterialLabels(services: Services): Map<string, string> {
  const labels = new Map<string, string>();
  for (const bundle of services.catalog.bundles()) {
    for (const slot of services.catalog.materials(bundle.id, {})) labels.set(slot.id, slot.label);
  }
  return labels;
}
