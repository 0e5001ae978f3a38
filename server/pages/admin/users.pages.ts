import type { Request, Response } from 'express';
import { z } from 'zod';
import { maskPhone } from '../../../lib/redact.ts';
import type { Centre, User } from '../../../store/users.repo.ts';
import { changeAccount } from '../../account-changes.ts';
import { createStaffAccount } from '../../accounts.ts';
import { accountFailure, actorOf } from '../../api/users.api.ts';
import { alertBox, csrfField, formatTime, inputField, selectField } from '../../html/components.ts';
import { html, type SafeHtml } from '../../html/html.ts';
import { ROLE_LABELS, sendPage } from '../../html/layout.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import { adminPage, type RouteSpec } from '../../http/routes.ts';
import { MOBILE, parseForm } from '../../http/validate.ts';
import type { Services } from '../../services.ts';

/**
 * 账号: every account, and what an admin does with them — create a clerk or an admin, change role and
 * centre, reset a password, disable and enable. The same checks as `yijian users` (server/accounts.ts).
 */
const STAFF_ROLES = [
  { value: 'clerk', label: ROLE_LABELS.clerk },
  { value: 'admin', label: ROLE_LABELS.admin },
];

const blankAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

const createForm = z.object({
  role: z.enum(['clerk', 'admin'], { error: '请选择角色' }),
  username: z.string().trim().min(1, '请输入用户名').max(32, '用户名最长 32 位'),
  name: z.string().trim().min(1, '请输入姓名').max(50, '姓名过长'),
  centre: z.preprocess(blankAsUndefined, z.string().max(40).optional()),
  password: z.string().min(1, '请输入初始密码').max(128, '密码过长'),
});

const changeForm = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('update'),
    role: z.enum(['clerk', 'admin'], { error: '请选择角色' }),
    centre: z.preprocess(blankAsUndefined, z.string().max(40).optional()),
  }),
  z.object({ op: z.literal('password'), password: z.string().min(1, '请输入新密码').max(128) }),
  z.object({ op: z.literal('disable') }),
  z.object({ op: z.literal('enable') }),
]);

const DONE: Record<string, string> = {
  created: '账号已创建。',
  update: '角色与服务中心已保存。',
  password: '密码已重置，该账号已在所有设备上退出登录。',
  disable: '账号已停用，已在所有设备上退出登录。',
  enable: '账号已启用。',
};

interface PageState {
  notice?: string;
  error?: string;
  createErrors?: Record<string, string>;
  createValues?: Record<string, string>;
}

export function userPageRoutes(services: Services): RouteSpec[] {
  async function show(req: Request, res: Response, state: PageState = {}, status = 200) {
    const [users, centres] = await Promise.all([services.users.list(), services.users.listCentres()]);
    const csrf = req.yj.session?.csrfToken ?? '';
    sendPage(
      req,
      res,
      {
        title: '账号',
        active: '/admin/users',
        width: 'wide',
        lead: html`在这里新建窗口人员和管理员、修改角色和服务中心、重置密码或停用账号；申请人自行注册。服务运行时也可以用命令 <code>yijian users</code>。`,
        body: html`${state.notice ? alertBox('success', state.notice) : ''}${state.error ? alertBox('error', state.error, '未能保存') : ''}
${createCard(centres, csrf, state)}
<section class="card"><h2 class="card__title">全部账号</h2><div class="table-wrap"><table class="table table--users">
<thead><tr><th>姓名</th><th>账号</th><th>角色</th><th>服务中心</th><th>最近登录</th><th>操作</th></tr></thead>
<tbody>${users.map((user) => userRow(user, centres, csrf))}</tbody></table></div></section>`,
      },
      status,
    );
  }

  const target = async (req: Request): Promise<User> => {
    const user = await services.users.findById(String(req.params.userId));
    if (!user) throw notFound('账号');
    return user;
  };

  return [
    adminPage('get', '/admin/users', '账号管理', (req, res) => {
      const done = typeof req.query.done === 'string' ? DONE[req.query.done] : undefined;
      return show(req, res, done ? { notice: done } : {});
    }),
    adminPage('post', '/admin/users', '新建窗口人员或管理员账号', async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = Object.fromEntries(
        ['role', 'username', 'name', 'centre'].map((key) => [
          key,
          typeof body[key] === 'string' ? body[key] : '',
        ]),
      );
      const parsed = parseForm(createForm, body);
      if (!parsed.ok) return show(req, res, { createErrors: parsed.errors, createValues: values }, 422);
      try {
        await createStaffAccount(
          services.db,
          {
            role: parsed.data.role,
            username: parsed.data.username,
            displayName: parsed.data.name,
            password: parsed.data.password,
            ...(parsed.data.centre ? { centreId: parsed.data.centre } : {}),
          },
          services.options.passwordCost,
          actorOf(req),
        );
      } catch (error) {
        const failure = accountFailure(error);
        if (!(failure instanceof HttpError)) throw failure;
        return show(req, res, { error: failure.message, createValues: values }, failure.status);
      }
      res.redirect(303, '/admin/users?done=created');
    }),
    adminPage(
      'post',
      '/admin/users/:userId',
      '修改账号：角色与服务中心、重置密码、停用或启用',
      async (req, res) => {
        const user = await target(req);
        const parsed = parseForm(changeForm, req.body ?? {});
        if (!parsed.ok) {
          const message = Object.values(parsed.errors)[0] ?? '提交的内容有误';
          return show(req, res, { error: `${user.displayName}：${message}` }, 422);
        }
        const form = parsed.data;
        const change =
          form.op === 'update'
            ? { role: form.role, centreId: form.centre ?? null }
            : form.op === 'password'
              ? { password: form.password }
              : { disabled: form.op === 'disable' };
        try {
          await changeAccount(services.db, user.login, change, actorOf(req), services.options.passwordCost);
        } catch (error) {
          const failure = accountFailure(error);
          if (!(failure instanceof HttpError)) throw failure;
          return show(req, res, { error: `${user.displayName}：${failure.message}` }, failure.status);
        }
        res.redirect(303, `/admin/users?done=${form.op}`);
      },
    ),
  ];
}

const centreOptions = (centres: Centre[]) =>
  centres.map((centre) => ({ value: centre.id, label: centre.name }));

function createCard(centres: Centre[], csrf: string, state: PageState): SafeHtml {
  const values = state.createValues ?? {};
  const errors = state.createErrors ?? {};
  return html`<section class="card"><h2 class="card__title">新建账号</h2>
<form class="filters" method="post" action="/admin/users" id="create-user">${csrfField(csrf)}
  ${selectField({ name: 'role', label: '角色', value: values.role ?? 'clerk', options: STAFF_ROLES, error: errors.role, required: true })}
  ${inputField({ name: 'username', label: '用户名', value: values.username, error: errors.username, required: true, hint: '小写字母开头，3–32 位', autocomplete: 'off' })}
  ${inputField({ name: 'name', label: '姓名', value: values.name, error: errors.name, required: true })}
  ${selectField({ name: 'centre', label: '服务中心', value: values.centre ?? '', placeholder: '不属于服务中心（仅管理员）', options: centreOptions(centres), error: errors.centre })}
  ${inputField({ name: 'password', label: '初始密码', type: 'password', error: errors.password, required: true, autocomplete: 'new-password', hint: '至少 8 位，含字母和数字；请当面告知本人' })}
  <div class="filters__actions"><button class="button button--primary" type="submit">创建账号</button></div>
</form></section>`;
}

function userRow(user: User, centres: Centre[], csrf: string): SafeHtml {
  const centreName = new Map(centres.map((centre) => [centre.id, centre.name]));
  const action = `/admin/users/${user.id}`;
  const login = MOBILE.test(user.login) ? maskPhone(user.login) : user.login;
  const staff = user.role !== 'applicant';
  return html`<tr data-login="${login}">
  <td data-label="姓名">${user.displayName}${user.demo ? html` <span class="tag">演示</span>` : ''}${user.disabled ? html` <span class="tag tag--muted">已停用</span>` : ''}</td>
  <td data-label="账号">${login}</td>
  <td data-label="角色">${ROLE_LABELS[user.role]}</td>
  <td data-label="服务中心">${user.centreId ? (centreName.get(user.centreId) ?? user.centreId) : '—'}</td>
  <td data-label="最近登录" class="nowrap">${formatTime(user.lastLoginAt)}</td>
  <td data-label="操作"><details class="account-actions"><summary>管理</summary>
    ${
      staff
        ? html`<form method="post" action="${action}" class="inline-form" aria-label="修改 ${user.displayName} 的角色与服务中心">${csrfField(csrf)}<input type="hidden" name="op" value="update">
      <label for="role-${user.id}">角色</label> <select class="input" id="role-${user.id}" name="role">${STAFF_ROLES.map((role) => html`<option value="${role.value}"${role.value === user.role ? html` selected` : ''}>${role.label}</option>`)}</select>
      <label for="centre-${user.id}">服务中心</label> <select class="input" id="centre-${user.id}" name="centre"><option value="">无</option>${centres.map((centre) => html`<option value="${centre.id}"${centre.id === user.centreId ? html` selected` : ''}>${centre.name}</option>`)}</select>
      <button class="button" type="submit">保存角色与中心</button></form>`
        : ''
    }
    <form method="post" action="${action}" class="inline-form" aria-label="重置 ${user.displayName} 的密码">${csrfField(csrf)}<input type="hidden" name="op" value="password">
      <label for="password-${user.id}">新密码</label> <input class="input" id="password-${user.id}" type="password" name="password" autocomplete="new-password" required>
      <button class="button" type="submit">重置密码</button></form>
    <form method="post" action="${action}" class="inline-form">${csrfField(csrf)}<input type="hidden" name="op" value="${user.disabled ? 'enable' : 'disable'}">
      <button class="button${user.disabled ? '' : ' button--danger'}" type="submit">${user.disabled ? '启用账号' : '停用账号'}</button></form>
  </details></td>
</tr>`;
}
