import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { Role } from '../../store/users.repo.ts';
import { csrfRefused, forbidden, HttpError, notFound, unauthenticated } from './errors.ts';
import { isWellFormedText, rowId, rowSeq } from './validate.ts';

/**
 * Every route of the application is declared as data: method, path, who may call it, and whether its
 * `:id` names an application. The access guard is applied from the declaration, so a route cannot forget
 * it, and the security tests iterate over this same list (every route tried as a stranger, as the wrong
 * role, and with another applicant's application id).
 */
export type Access = 'public' | 'signed-in' | readonly Role[];
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec {
  method: Method;
  path: string;
  access: Access;
  /** page: answers HTML (errors as pages, anonymous callers sent to the login page); api: JSON. */
  kind: 'page' | 'api';
  /** The `:id` parameter is an application's id: only its applicant, its centre's clerks and admins reach it. */
  owns?: 'application';
  /** Middleware that runs after the access guard and before the handler (e.g. the upload parser). */
  before?: RequestHandler[];
  /** Parses a multipart body itself and checks its CSRF field (see auth/csrf.ts); others refuse multipart. */
  multipart?: boolean;
  handler: (req: Request, res: Response) => Promise<void> | void;
  /** One line for the route list and the OpenAPI summary. */
  summary: string;
}

/**
 * The pages of one audience share who may open them: declared once here, so that a page of the desk cannot
 * forget that its `:id` is an application the clerk's centre must own.
 */
const audience =
  (access: Access, owns?: 'application', kind: RouteSpec['kind'] = 'page') =>
  (method: Method, path: string, summary: string, handler: RouteSpec['handler']): RouteSpec => ({
    method,
    path,
    access,
    kind,
    ...(owns ? { owns } : {}),
    summary,
    handler,
  });

/** An admin's page. */
export const adminPage = audience(['admin']);
/** An admin's JSON route (an admin session or the admin token). */
export const adminApi = audience(['admin'], undefined, 'api');
/** An applicant's page about one of their own applications (`:id`). */
export const applicantPage = audience(['applicant'], 'application');
/** A clerk's (or an admin's) page about one application (`:id`) of their centre. */
export const deskPage = audience(['clerk', 'admin'], 'application');

export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function allows(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (role === undefined) return false;
  return access === 'signed-in' || access.includes(role);
}

function guard(spec: RouteSpec): RequestHandler {
  return (req, _res, next) => {
    req.yj.kind = spec.kind;
    if (spec.access === 'public') return next();
    const user = req.yj.user;
    if (!user)
      return next(spec.kind === 'page' && req.method === 'GET' ? new LoginRedirect() : unauthenticated());
    if (!allows(spec.access, user.role)) return next(forbidden());
    next();
  };
}

/** Anonymous visitor on a page that needs an account: the error handler redirects to the login page. */
export class LoginRedirect extends HttpError {
  constructor() {
    super(401, 'UNAUTHENTICATED', '请先登录');
  }
}

/** Any path parameter: well-formed text of a sensible length (ids, portal ids, person ids). */
const pathText = z.string().max(200).refine(isWellFormedText);

/**
 * Path parameters by name, parsed before any handler sees them: numeric ids must fit the store's columns
 * (`/admin/runs/abc` and `/admin/runs/99999999999999999999999` name nothing). A parameter that does not
 * parse names no page: 404, as for an id that does not exist.
 */
export const PARAM_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  runId: rowId,
  taskId: rowId,
  seq: rowSeq,
  userId: z.uuid(),
};

function paramNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
}

function parseParams(spec: RouteSpec): RequestHandler | undefined {
  const names = paramNames(spec.path);
  if (names.length === 0) return undefined;
  const schema = z.object(Object.fromEntries(names.map((name) => [name, PARAM_SCHEMAS[name] ?? pathText])));
  return (req, _res, next) => {
    const parsed = schema.safeParse(req.params);
    next(parsed.success ? undefined : notFound());
  };
}

/** Multipart bodies defer their CSRF check to the upload parser; a route without one must refuse them. */
const refuseDeferredCsrf: RequestHandler = (req, _res, next) => {
  next(req.yj.csrfDeferred ? csrfRefused() : undefined);
};

/** Runs an async handler and passes its rejection to Express's error handler. */
function wrap(handler: RouteSpec['handler']): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch(next);
  };
}

export function mountRoutes(app: Express, routes: readonly RouteSpec[]): void {
  const seen = new Set<string>();
  for (const spec of routes) {
    const key = `${spec.method} ${spec.path}`;
    if (seen.has(key)) throw new Error(`Route declared twice: ${key}`);
    seen.add(key);
    const csrf = spec.multipart ? [] : [refuseDeferredCsrf];
    const params = parseParams(spec);
    app[spec.method](
      spec.path,
      guard(spec),
      ...(params ? [params] : []),
      ...csrf,
      ...(spec.before ?? []),
      wrap(spec.handler),
    );
  }
}
