import express from 'express';
import { scopeOf } from '../applications/scope.ts';
import { signedIn } from '../http/context.ts';
import { forbidden, notFound } from '../http/errors.ts';
import type { RouteSpec } from '../http/routes.ts';
import type { Services } from '../services.ts';
import { cropValue } from '../uploads/crop.ts';
import { readUpload } from '../uploads/file-store.ts';
import { ocrResultOf } from '../workspace/workspace.ts';

/** Operational endpoints: health (the foundation's), metrics, and downloads of uploaded materials. */
export function systemRoutes(services: Services): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/healthz',
      access: 'public',
      kind: 'api',
      summary: '健康检查（Redis 与数据库）',
      handler: async (_req, res) => {
        const report = await services.health();
        res.status(report.status === 'ok' ? 200 : 503).json(report);
      },
    },
    {
      method: 'get',
      path: '/metrics',
      access: 'public',
      kind: 'api',
      summary: 'Prometheus 指标（本机或管理员）',
      handler: async (req, res) => {
        // Scraped by a Prometheus on this machine, or read by a signed-in admin; nobody else.
        const local = /^(127\.|::1$|::ffff:127\.)/.test(req.yj.ip);
        if (!local && req.yj.user?.role !== 'admin') throw forbidden();
        res.type(services.metrics.registry.contentType).send(await services.metrics.registry.metrics());
      },
    },
    {
      method: 'get',
      path: '/applications/:id/documents/:documentId/file',
      access: 'signed-in',
      kind: 'page',
      owns: 'application',
      summary: '查看已上传的材料文件',
      handler: async (req, res) => {
        const documentId = String(req.params.documentId);
        const document = await services.documents.find(
          scopeOf(signedIn(req)),
          String(req.params.id),
          documentId,
        );
        if (!document) throw notFound('材料');
        const content = await readUpload(services.dataDir, document.storageKey);
        res.set('Content-Type', document.mimeType);
        res.set('Cache-Control', 'private, no-store');
        res.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(document.fileName)}`);
        // A PDF opened inline must not run scripts in our origin.
        res.set(
          'Content-Security-Policy',
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        );
        res.send(content);
      },
    },
    {
      method: 'get',
      path: '/applications/:id/documents/:documentId/crops/:field',
      access: 'signed-in',
      kind: 'page',
      owns: 'application',
      summary: '识别值在证件照片上的位置（裁剪图）',
      handler: async (req, res) => {
        const document = await services.documents.find(
          scopeOf(signedIn(req)),
          String(req.params.id),
          String(req.params.documentId),
        );
        const result = document && ocrResultOf(document);
        const read = result?.fields[String(req.params.field)];
        // Only photos are cut (a PDF is not read as one); without a box the whole photo is sent.
        if (!document || !result || !read || !document.mimeType.startsWith('image/'))
          throw notFound('识别结果');
        const content = await readUpload(services.dataDir, document.storageKey);
        const crop = await cropValue(content, result.turned ?? 0, read.box);
        // A crop of an ID card is personal data: never kept by a browser or a proxy.
        res.set('Cache-Control', 'private, no-store');
        res.type('png').send(crop);
      },
    },
  ];
}

export const staticFiles = (dir: string) =>
  express.static(dir, {
    index: false,
    fallthrough: true,
    maxAge: '1h',
    setHeaders: (res) => res.set('X-Content-Type-Options', 'nosniff'),
  });
