/**
 * Errors a handler throws to answer a request. The message is shown to people (Chinese) and must never
 * contain an ID number, a phone number or a password; `issues` name fields by path, not by value.
 */
export interface FieldIssue {
  /** The field's path, e.g. ['values', 'persons', 0, 'idNumber']. */
  path: (string | number)[];
  message: string;
}

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what = '页面') => new HttpError(404, 'NOT_FOUND', `找不到该${what}，或您无权查看`);
export const forbidden = () => new HttpError(403, 'FORBIDDEN', '您的账号没有权限进行此操作');
export const unauthenticated = () => new HttpError(401, 'UNAUTHENTICATED', '请先登录');
export const csrfRefused = () => new HttpError(403, 'CSRF_REFUSED', '页面已过期或来源不明，请刷新页面后重试');
export const invalid = (issues: FieldIssue[], message = '提交的内容有误，请按提示修改') =>
  new HttpError(422, 'VALIDATION_FAILED', message, issues);
export const conflict = (message: string) => new HttpError(409, 'CONFLICT', message);
