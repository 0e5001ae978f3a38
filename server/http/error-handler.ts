import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../lib/logger.ts';
import { type HtmlValue, html } from '../html/html.ts';
import { HOME_OF, sendPage } from '../html/layout.ts';
import { type FieldIssue, HttpError, notFound } from './errors.ts';
import { LoginRedirect } from './routes.ts';

/**
 * Errors become a Chinese page (403/404/500 and friends) or a JSON body of one shape:
 * `{ error: { code, message, issues: [{ path, field, message }] } }`. Bodies never echo what was sent —
 * only the field's path and a message about it — so no ID number or password can come back in an error.
 */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues: { path: (string | number)[]; field: string; message: string }[];
  };
}

export function fieldName(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part),
    '',
  );
}

export function errorBody(error: HttpError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      issues: error.issues.map((issue: FieldIssue) => ({
        path: issue.path,
        field: fieldName(issue.path),
        message: issue.message,
      })),
    },
  };
}

const PAGE_TEXT: Record<number, { title: string; text: string }> = {
  400: { title: '请求有误', text: '提交的内容格式不正确，请返回上一页检查后重试。' },
  401: { title: '请先登录', text: '登录后才能查看此页面。' },
  403: {
    title: '没有权限',
    text: '您的账号无权访问此页面。如需办理，请使用有权限的账号登录，或联系窗口工作人员。',
  },
  404: { title: '页面不存在', text: '您访问的页面不存在，或者您无权查看。请检查地址，或从首页重新进入。' },
  409: { title: '操作冲突', text: '内容已在别处修改，请刷新页面后重试。' },
  413: { title: '内容过大', text: '提交的内容超过了允许的大小。' },
  422: { title: '内容有误', text: '请按提示修改后重新提交。' },
  429: { title: '操作太频繁', text: '请稍后再试。' },
  500: { title: '系统繁忙', text: '系统出现了问题，请稍后再试。问题已记录，我们会尽快处理。' },
};

function renderErrorPage(req: Request, res: Response, status: number, message?: string): void {
  const text = PAGE_TEXT[status] ?? PAGE_TEXT[500];
  const user = req.yj?.user ?? null;
  const detail: HtmlValue = message && message !== text?.title ? message : text?.text;
  sendPage(
    req,
    res,
    {
      title: text?.title ?? '出错了',
      bare: true,
      width: 'narrow',
      body: html`<section class="card error-page">
  <p class="error-page__code">${status}</p>
  <h1 class="error-page__title">${text?.title}</h1>
  <p class="error-page__text">${detail}</p>
  <div class="actions actions--center">
    <a class="button button--primary" href="${user ? HOME_OF[user.role] : '/'}">返回首页</a>
    ${status === 403 && user ? html`<a class="button" href="/login">换个账号登录</a>` : ''}
  </div>
</section>`,
    },
    status,
  );
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(notFound());

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    const http = toHttpError(error);
    if (http.status >= 500)
      logger.error({ err: error, method: req.method, route: req.route?.path }, '请求处理失败');
    const wantsJson = req.yj?.kind === 'api' || req.path.startsWith('/api/') || req.path === '/api';
    if (http instanceof LoginRedirect && !wantsJson) {
      const next =
        req.originalUrl.startsWith('/') && !req.originalUrl.startsWith('//') ? req.originalUrl : '/';
      const expired = req.yj?.sessionExpired ? '&expired=1' : '';
      res.redirect(303, `/login?next=${encodeURIComponent(next)}${expired}`);
      return;
    }
    if (http.status === 429 && http.issues.length === 0) res.set('Retry-After', '60');
    if (wantsJson) {
      res.status(http.status).json(errorBody(http));
      return;
    }
    renderErrorPage(req, res, http.status, http.status < 500 ? http.message : undefined);
  };
}

/** Known library errors (body parsers, multer) mapped to our shape; anything else is a 500. */
function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const status = (error as { status?: unknown; statusCode?: unknown })?.status;
  const type = (error as { type?: unknown })?.type;
  if (type === 'entity.too.large') return new HttpError(413, 'TOO_LARGE', '提交的内容过大');
  if (type === 'entity.parse.failed') return new HttpError(400, 'BAD_REQUEST', '请求内容不是有效的 JSON');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, 'BAD_REQUEST', PAGE_TEXT[status]?.title ?? '请求有误');
  }
  return new HttpError(500, 'INTERNAL', '系统繁忙，请稍后再试');
}
