import { z } from 'zod';
import { APPLICATION_STATUSES } from '../../store/applications.repo.ts';
import { ROLES } from '../../store/users.repo.ts';
import { PG_INT_MAX } from '../http/validate.ts';

/** Shapes of the JSON API, shared by validation and the OpenAPI document. */
export const idParam = z.object({ id: z.uuid({ error: '办件编号格式不正确' }) });
export const documentParams = idParam.extend({ documentId: z.uuid({ error: '材料编号格式不正确' }) });

export const meSchema = z
  .object({
    id: z.string(),
    role: z.enum(ROLES),
    displayName: z.string(),
    /** Phone numbers come back masked; user names as they are. */
    login: z.string(),
    centreId: z.string().nullable(),
  })
  .meta({ id: 'Me' });

export const fieldSourceSchema = z
  .object({
    source: z.enum(['typed', 'ocr', 'derived', 'default', 'item']),
    documentId: z.string().optional(),
    confidence: z.number().min(0).max(1).optional(),
    needsConfirmation: z.boolean().optional(),
  })
  .meta({ id: 'FieldSource', description: '字段值的来源：填写 / 证照识别 / 推导 / 默认 / 前序事项产出' });

export const applicationSummarySchema = z
  .object({
    id: z.string(),
    reference: z.string().meta({ example: 'YJ20241122ABC234' }),
    bundleId: z.string(),
    centreId: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    title: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.date().transform((date) => date.toISOString()),
    submittedAt: z
      .date()
      .nullable()
      .transform((date) => date?.toISOString() ?? null),
  })
  .meta({ id: 'ApplicationSummary' });

export const documentSchema = z
  .object({
    id: z.string(),
    material: z.string(),
    subject: z.string().nullable(),
    fileName: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.date().transform((date) => date.toISOString()),
    ocrStatus: z.enum(['none', 'pending', 'running', 'done', 'failed']),
  })
  .meta({ id: 'Document' });

export const applicationSchema = applicationSummarySchema
  .extend({
    options: z.record(z.string(), z.unknown()),
    values: z.record(z.string(), z.unknown()),
    typed: z.record(z.string(), z.unknown()),
    sources: z.record(z.string(), fieldSourceSchema),
    returnReason: z.string().nullable(),
    documents: z.array(documentSchema),
  })
  .meta({ id: 'Application' });

export const createApplicationSchema = z
  .object({
    bundleId: z.string({ error: '请选择要办理的一件事' }).min(1, '请选择要办理的一件事').max(64),
    centreId: z.string({ error: '请选择办理的服务中心' }).min(1, '请选择办理的服务中心').max(40),
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .meta({ id: 'CreateApplication' });

/** Canonical form values (forms/): scalars as strings, multi values as string lists, groups as rows. */
const formValueSchema = z.union([
  z.string().max(3000, '内容过长'),
  z.array(z.string().max(200, '内容过长')).max(100),
  z
    .array(
      z.record(
        z.string(),
        z.union([z.string().max(3000, '内容过长'), z.array(z.string().max(200)).max(100)]),
      ),
    )
    .max(50),
]);

export const saveValuesSchema = z
  .object({
    /** What the applicant entered; everything else is read, derived or defaulted by the server. */
    typed: z.record(z.string().max(100), formValueSchema),
    /** The version the edit was based on; a newer stored version answers 409. */
    version: z.number().int().positive().max(PG_INT_MAX, '版本号超出范围').optional(),
  })
  .meta({ id: 'SaveValues' });

export const uploadFieldsSchema = z.object({
  material: z.string({ error: '请选择要上传的材料' }).min(1, '请选择要上传的材料').max(64),
  subject: z
    .string()
    .regex(/^p\d{1,3}$/, '材料所属人员格式不正确')
    .optional(),
});

export const sendBackSchema = z
  .object({
    reason: z
      .string({ error: '请填写退回原因' })
      .trim()
      .min(2, '请填写退回原因')
      .max(500, '退回原因不能超过 500 字'),
  })
  .meta({ id: 'SendBack' });

export const bundleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    summary: z.string(),
    items: z.array(
      z.object({ id: z.string(), name: z.string(), department: z.string(), optional: z.boolean() }),
    ),
  })
  .meta({ id: 'Bundle' });

export const okSchema = z.object({ ok: z.literal(true) });
