import { z } from 'zod';
import { APPLICATION_STATUSES } from '../../store/applications.repo.ts';
import type { AuditFilter, AuditRecord } from '../../store/audit.repo.ts';
import { type Alert, currentAlerts } from '../alerts.ts';
import {
  centreDayStart,
  emptyState,
  formatTime,
  inputField,
  STATUS_LABELS,
  selectField,
} from '../html/components.ts';
import { html, type SafeHtml } from '../html/html.ts';
import { ROLE_LABELS, sendPage } from '../html/layout.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { adminPage, type RouteSpec } from '../http/routes.ts';
import { calendarDay, parseForm, rowId } from '../http/validate.ts';
import type { Services } from '../services.ts';
import { endAccountSessions } from './account.pages.ts';
import { ACTION_LABELS, DETAIL_LABELS, nameOf } from './admin/names.ts';

/** The admin's overview, accounts and the audit log (bot runs and queues arrive with the bots issue). */

const ACTOR_ROLES: Record<string, string> = { ...ROLE_LABELS, system: '系统' };

export function adminRoutes(services: Services): RouteSpec[] {
  return [
    adminPage('get', '/admin', '管理概览', async (req, res) => {
      const counts = await services.applications.countByStatus({ kind: 'all' });
      const users = await services.users.list();
      const recent = await services.auditLog.list({ limit: 8 });
      const alerts = services.bots ? await currentAlerts(services.bots) : [];
      sendPage(req, res, {
        title: '管理概览',
        active: '/admin',
        width: 'wide',
        body: html`${alerts.length ? alertsCard(alerts) : ''}<div class="stats">
  ${APPLICATION_STATUSES.filter((status) => status !== 'withdrawn').map(
    (status) =>
      html`<div class="stat"><span class="stat__value">${counts[status] ?? 0}</span><span class="stat__label">${STATUS_LABELS[status]}</span></div>`,
  )}
  <div class="stat"><span class="stat__value">${users.length}</span><span class="stat__label">账号</span></div>
</div>
<section class="card"><div class="card__head"><h2 class="card__title">最近操作</h2><a href="/admin/audit">查看全部审计日志</a></div>
${auditTable(recent)}</section>`,
      });
    }),
    adminPage('get', '/admin/audit', '审计日志', async (req, res) => {
      const parsed = parseForm(auditQuery, req.query);
      const query = parsed.ok ? parsed.data : {};
      const errors = parsed.ok ? {} : parsed.errors;
      const filter: AuditFilter = {
        ...(query.actor ? { actor: query.actor } : {}),
        ...(query.action ? { action: query.action } : {}),
        ...(query.subject ? { subjectId: query.subject } : {}),
        ...(query.ip ? { ip: query.ip } : {}),
        ...(query.from ? { from: centreDayStart(query.from) } : {}),
        ...(query.to ? { to: new Date(centreDayStart(query.to).getTime() + 86_400_000) } : {}),
        ...(query.before ? { beforeId: query.before } : {}),
        limit: 50,
      };
      const [rows, actions] = await Promise.all([
        services.auditLog.list(filter),
        services.auditLog.actions(),
      ]);
      const last = rows.at(-1);
      const more =
        rows.length === 50 && last
          ? new URLSearchParams({ ...stringsOf(query), before: String(last.id) })
          : null;
      sendPage(req, res, {
        title: '审计日志',
        active: '/admin/audit',
        width: 'wide',
        lead: '每一次登录、提交、修改和上传都记录在这里，不可修改或删除。个人信息已脱敏。',
        body: html`<form class="card filters" method="get" action="/admin/audit">
  ${inputField({ name: 'actor', label: '操作人', value: query.actor, placeholder: '姓名或账号 ID' })}
  ${selectField({ name: 'action', label: '操作', value: query.action ?? '', placeholder: '全部', options: actions.map((action) => ({ value: action, label: ACTION_LABELS[action] ?? action })) })}
  ${inputField({ name: 'subject', label: '对象 ID', value: query.subject })}
  ${inputField({ name: 'ip', label: 'IP 地址', value: query.ip })}
  ${inputField({ name: 'from', label: '起始日期', type: 'date', value: query.from, error: errors.from })}
  ${inputField({ name: 'to', label: '截止日期', type: 'date', value: query.to, error: errors.to })}
  <div class="filters__actions"><button class="button button--primary" type="submit">筛选</button><a class="button" href="/admin/audit">清除</a></div>
</form>
<section class="card">${auditTable(rows)}
${more ? html`<div class="pager"><a class="button" href="/admin/audit?${more.toString()}">更早的记录</a></div>` : ''}</section>`,
      });
    }),
    accountSwitch(services, true),
    accountSwitch(services, false),
  ];
}

/**
 * Disabling an account ends its sessions and their live-update streams at once (a disabled person's open
 * page must stop receiving applications). An admin cannot disable themselves, so the last admin stays.
 */
function accountSwitch(services: Services, disabled: boolean): RouteSpec {
  return adminPage(
    'post',
    `/admin/users/:userId/${disabled ? 'disable' : 'enable'}`,
    disabled ? '停用账号' : '启用账号',
    async (req, res) => {
      const userId = String(req.params.userId);
      const user = await services.users.findById(userId);
      if (!user) throw notFound();
      if (user.id === req.yj.user?.id) throw new HttpError(400, 'SELF_DISABLE', '不能停用自己的账号');
      await services.users.setDisabled(user.id, disabled);
      if (disabled) await endAccountSessions(services, user.id);
      await services.audit(req, disabled ? 'user.disable' : 'user.enable', { type: 'user', id: user.id });
      res.redirect(303, '/admin/users');
    },
  );
}

const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() ? value.trim() : undefined),
  z.string().max(100).optional(),
);
const optionalDay = z.preprocess(
  (value) => (typeof value === 'string' && value ? value : undefined),
  calendarDay.optional(),
);
const auditQuery = z.object({
  actor: optionalText,
  action: optionalText,
  subject: optionalText,
  ip: optionalText,
  from: optionalDay,
  to: optionalDay,
  before: z.preprocess((value) => (value ? value : undefined), rowId.optional()),
});

function stringsOf(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter(
      ([key, value]) => key !== 'before' && typeof value === 'string' && value,
    ) as [string, string][],
  );
}

function alertsCard(alerts: Alert[]): SafeHtml {
  return html`<section class="card alerts" aria-label="告警"><h2 class="card__title">需要处理的告警（${String(alerts.length)}）</h2>
<ul class="alert-list">${alerts.map((alert) => html`<li class="alert alert--warning" data-alert="${alert.kind}"><a href="${alert.href}">${alert.message}</a></li>`)}</ul></section>`;
}

const SUBJECT_LABELS: Record<string, string> = {
  user: '账号',
  application: '办件',
  portal: '部门系统',
  run: '运行记录',
  task: '机器人提问',
  document: '材料',
};

function shortId(id: string | null): string {
  return id && id.length > 12 ? `${id.slice(0, 8)}…` : (id ?? '');
}

/** A detail value in words: portal and item ids by name, yes/no for flags, lists joined. */
function shownValue(value: unknown): string {
  if (typeof value === 'string') return nameOf(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) {
    return value.map((entry) => nameOf(entry)).join('、');
  }
  return JSON.stringify(value);
}

/** The detail object as small key–value chips; long values (hashes, ids) shortened, in full on hover. */
function detailChips(detail: Record<string, unknown> | null): SafeHtml | string {
  const entries = Object.entries(detail ?? {});
  if (entries.length === 0) return '—';
  return html`<span class="kv-list">${entries.map(([key, value]) => {
    const text = shownValue(value);
    return html`<span class="kv" title="${text}"><span class="kv__k">${DETAIL_LABELS[key] ?? key}</span>${text.length > 24 ? `${text.slice(0, 12)}…` : text}</span>`;
  })}</span>`;
}

function auditTable(rows: AuditRecord[]): SafeHtml {
  if (rows.length === 0) return emptyState('没有符合条件的记录', '换个筛选条件试试。');
  return html`<div class="table-wrap"><table class="table table--audit">
<thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>对象</th><th>IP</th><th>详情</th></tr></thead>
<tbody>${rows.map(
    (row) => html`<tr>
  <td data-label="时间" class="nowrap">${formatTime(row.at)}</td>
  <td data-label="操作人">${row.actorName ?? '访客'}${row.actorRole ? html` <span class="tag">${ACTOR_ROLES[row.actorRole] ?? row.actorRole}</span>` : ''}</td>
  <td data-label="操作">${ACTION_LABELS[row.action] ?? row.action}</td>
  <td data-label="对象">${row.subjectType ? html`<span class="muted">${SUBJECT_LABELS[row.subjectType] ?? row.subjectType}</span> <a href="/admin/audit?subject=${row.subjectId ?? ''}" title="${row.subjectId ?? ''}">${row.subjectType === 'portal' ? nameOf(row.subjectId ?? '') : html`<code class="id">${shortId(row.subjectId)}</code>`}</a>` : '—'}</td>
  <td data-label="IP" class="nowrap">${row.ip ?? '—'}</td>
  <td data-label="详情">${detailChips(row.detail)}</td>
</tr>`,
  )}</tbody></table></div>`;
}
