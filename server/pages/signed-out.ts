import type { Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { SessionManager } from '../auth/sessions.ts';
import type { SafeHtml } from '../html/html.ts';
import { HOME_OF, sendPage } from '../html/layout.ts';
import type { CurrentUser } from '../http/context.ts';
import { HttpError } from '../http/errors.ts';
import type { RouteSpec } from '../http/routes.ts';

/** At most `limit` requests an hour from one address; beyond that, 429 with `message`. */
export function hourlyLimit(limit: number, message: string) {
  return rateLimit({
    windowMs: 60 * 60 * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'TOO_MANY', message)),
  });
}

/** A page for people not signed in (sign-in, registration): someone signed in is sent to their home. */
export function signedOutPage(
  path: string,
  summary: string,
  show: (req: Request, res: Response) => Promise<unknown>,
): RouteSpec {
  return {
    method: 'get',
    path,
    access: 'public',
    kind: 'page',
    summary,
    handler: async (req, res) => {
      if (req.yj.user) return res.redirect(303, HOME_OF[req.yj.user.role]);
      await show(req, res);
    },
  };
}

/** Who a just signed-in user is for the rest of the request (only these fields, never the hash). */
export function currentUserOf(user: CurrentUser): CurrentUser {
  return {
    id: user.id,
    role: user.role,
    login: user.login,
    displayName: user.displayName,
    centreId: user.centreId,
  };
}

/** A signed-out form page (sign-in, registration): one narrow card, no navigation, the session's CSRF token. */
export async function sendSignedOutForm(
  sessions: SessionManager,
  req: Request,
  res: Response,
  title: string,
  form: (csrfToken: string) => SafeHtml,
  status: number,
): Promise<void> {
  const session = await sessions.ensure(req, res);
  sendPage(req, res, { title, width: 'narrow', bare: true, body: form(session.csrfToken) }, status);
}
