import type { Request } from 'express';
import { z } from 'zod';
import { maskPhone } from '../../lib/redact.ts';
import { LoginTakenError, type User } from '../../store/users.repo.ts';
import { changeAccount } from '../account-changes.ts';
import { type AccountActor, AccountError, createStaffAccount } from '../accounts.ts';
import { signedIn } from '../http/context.ts';
import { conflict, HttpError } from '../http/errors.ts';
import { adminApi, type RouteSpec } from '../http/routes.ts';
import { MOBILE, parseOrThrow } from '../http/validate.ts';
import type { Services } from '../services.ts';

/**
 * Accounts as JSON for `yijian users …` while the service runs (signed in by the admin token) and for any
 * admin session. The same checks as the command line's direct path: both call server/accounts.ts.
 */
const createBody = z.object({
  role: z.enum(['clerk', 'admin']),
  username: z.string().max(64),
  name: z.string().max(100),
  password: z.string().max(128),
  centre: z.string().max(40).optional(),
  centreName: z.string().max(100).optional(),
});

const changeBody = z.object({
  login: z.string().max(64),
  role: z.enum(['clerk', 'admin']).optional(),
  centre: z.string().max(40).nullable().optional(),
  disabled: z.boolean().optional(),
  password: z.string().max(128).optional(),
});

/** An account as the API shows it: an applicant's mobile number masked, no password hash. */
export function publicUser(user: User) {
  return {
    login: MOBILE.test(user.login) ? maskPhone(user.login) : user.login,
    displayName: user.displayName,
    role: user.role,
    centreId: user.centreId,
    disabled: user.disabled,
    demo: user.demo,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

export function actorOf(req: Request): AccountActor {
  const user = signedIn(req);
  return {
    id: req.yj.viaAdminToken ? null : user.id,
    name: user.displayName,
    role: req.yj.viaAdminToken ? 'system' : 'admin',
    ip: req.yj.ip || null,
  };
}

/** The store's and the checks' refusals as HTTP answers the command line prints as they are. */
export function accountFailure(error: unknown): unknown {
  if (error instanceof AccountError) return new HttpError(422, error.code, error.message);
  if (error instanceof LoginTakenError) return conflict('该用户名已存在');
  return error;
}

/** Runs an account change; the store's and the checks' refusals become HTTP answers. */
const answered = <T>(work: Promise<T>): Promise<T> =>
  work.catch((error: unknown) => {
    throw accountFailure(error);
  });

export function userApiRoutes(services: Services): RouteSpec[] {
  const cost = services.options.passwordCost;
  return [
    adminApi('get', '/api/admin/users', '列出全部账号（申请人手机号脱敏）', async (_req, res) => {
      res.json({ users: (await services.users.list()).map(publicUser) });
    }),
    adminApi('post', '/api/admin/users', '新增窗口人员或管理员账号', async (req, res) => {
      const body = parseOrThrow(createBody, req.body);
      const user = await answered(
        createStaffAccount(
          services.db,
          {
            role: body.role,
            username: body.username,
            displayName: body.name,
            password: body.password,
            ...(body.centre ? { centreId: body.centre } : {}),
            ...(body.centreName ? { centreName: body.centreName } : {}),
          },
          cost,
          actorOf(req),
        ),
      );
      res.status(201).json({ user: publicUser(user) });
    }),
    adminApi(
      'post',
      '/api/admin/users/change',
      '修改账号：角色、服务中心、停用/启用、重置密码',
      async (req, res) => {
        const body = parseOrThrow(changeBody, req.body);
        const user = await answered(
          changeAccount(
            services.db,
            body.login,
            {
              ...(body.role !== undefined ? { role: body.role } : {}),
              ...(body.centre !== undefined ? { centreId: body.centre } : {}),
              ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
              ...(body.password !== undefined ? { password: body.password } : {}),
            },
            actorOf(req),
            cost,
          ),
        );
        res.json({ user: publicUser(user) });
      },
    ),
  ];
}
