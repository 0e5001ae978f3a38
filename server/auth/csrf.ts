import type { Request, RequestHandler } from 'express';
import { csrfRefused } from '../http/errors.ts';
import { UNSAFE_METHODS } from '../http/routes.ts';
import { sameToken } from './sessions.ts';

/**
 * Synchronizer-token CSRF protection for every state-changing request: the token stored with the session
 * must come back in the `X-CSRF-Token` header (fetch) or the `_csrf` form field. Multipart bodies are
 * parsed by the upload route, which calls `checkDeferredCsrf` right after parsing and before storing
 * anything; any other route refuses a deferred check.
 */
export function tokenMatches(req: Request, token: unknown): boolean {
  const expected = req.yj.session?.csrfToken;
  return typeof token === 'string' && expected !== undefined && sameToken(token, expected);
}

export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (!UNSAFE_METHODS.has(req.method) || req.yj.viaAdminToken) return next();
  const header = req.get('x-csrf-token');
  if (header === undefined && req.is('multipart/form-data')) {
    req.yj.csrfDeferred = true;
    return next();
  }
  const body = req.body as { _csrf?: unknown } | undefined;
  next(tokenMatches(req, header ?? body?._csrf) ? undefined : csrfRefused());
};

export function checkDeferredCsrf(req: Request): void {
  if (!req.yj.csrfDeferred) return;
  const body = req.body as { _csrf?: unknown } | undefined;
  if (!tokenMatches(req, body?._csrf)) throw csrfRefused();
  req.yj.csrfDeferred = false;
}
