import { AuditRepo } from '../store/audit.repo.ts';
import type { Db } from '../store/db.ts';
import { SessionsRepo } from '../store/sessions.repo.ts';
import { type User, UsersRepo } from '../store/users.repo.ts';
import { type AccountActor, AccountError } from './accounts.ts';
import { hashPassword, passwordProblems } from './auth/password.ts';
import { DEFAULT_SERVER_OPTIONS } from './options.ts';

/**
 * Changes to an existing account, made by an admin on /admin/users or by `yijian users` (directly or
 * through the running server). Every change is audited without the password, and an account that is
 * disabled or given a new password is signed out everywhere.
 */
export interface AccountChange {
  role?: 'clerk' | 'admin';
  /** null takes an admin out of any centre. */
  centreId?: string | null;
  disabled?: boolean;
  password?: string;
}

export async function changeAccount(
  db: Db,
  login: string,
  change: AccountChange,
  actor: AccountActor,
  passwordCost: number = DEFAULT_SERVER_OPTIONS.passwordCost,
): Promise<User> {
  const users = new UsersRepo(db);
  const user = await users.findByLogin(login.trim().toLowerCase());
  if (!user) throw new AccountError(`账号 ${login} 不存在`);
  if (user.role === 'applicant' && (change.role !== undefined || change.centreId !== undefined)) {
    throw new AccountError('申请人账号只能停用、启用或重置密码');
  }
  if (actor.id !== null && actor.id === user.id && (change.disabled === true || change.role === 'clerk')) {
    // An admin who locks themselves out may leave the installation without any admin.
    throw new AccountError('不能停用自己的账号或取消自己的管理员角色');
  }
  const role = change.role ?? user.role;
  const centreId = change.centreId !== undefined ? change.centreId : user.centreId;
  if (centreId !== null && change.centreId !== undefined && !(await users.findCentre(centreId))) {
    throw new AccountError(`服务中心 ${centreId} 不存在`);
  }
  if (role === 'clerk' && centreId === null) throw new AccountError('窗口人员必须属于一个服务中心');
  if (change.password !== undefined) {
    const problems = passwordProblems(change.password, user.login);
    if (problems.length) throw new AccountError(`密码不符合要求：${problems.join('；')}`);
    await users.setPassword(user.id, await hashPassword(change.password, passwordCost));
  }
  const updated = await users.update(user.id, {
    ...(change.role !== undefined ? { role: change.role } : {}),
    ...(change.centreId !== undefined ? { centreId: change.centreId } : {}),
    ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
  });
  if (!updated) throw new AccountError(`账号 ${login} 不存在`);
  if (change.disabled === true || change.password !== undefined) {
    await new SessionsRepo(db).deleteForUser(user.id);
  }
  const detail: Record<string, unknown> = { login: user.login };
  if (change.role !== undefined) detail.role = change.role;
  if (change.centreId !== undefined) detail.centre = change.centreId;
  if (change.disabled !== undefined) detail.disabled = change.disabled;
  if (change.password !== undefined) detail.password = '已重置';
  await new AuditRepo(db).append({
    actorId: actor.id,
    actorName: actor.name,
    actorRole: actor.role,
    action: 'user.update',
    subjectType: 'user',
    subjectId: user.id,
    detail,
    ip: actor.ip,
  });
  return updated;
}
