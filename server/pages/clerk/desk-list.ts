import type { Request, Response } from 'express';
import { z } from 'zod';
import { maskName } from '../../../lib/redact.ts';
import {
  APPLICATION_STATUSES,
  type Application,
  type ApplicationStatus,
} from '../../../store/applications.repo.ts';
import { applicationDeadline, countdown } from '../../applications/deadlines.ts';
import { scopeOf } from '../../applications/scope.ts';
import { emptyState, formatTime, inputField, selectField, statusBadge } from '../../html/components.ts';
import { cls, html, type SafeHtml } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { signedIn } from '../../http/context.ts';
import { parseForm } from '../../http/validate.ts';
import type { Services } from '../../services.ts';

/**
 * 窗口办件: the centre's applications by state, with who applied (masked), the 一件事, when it was submitted
 * and its 办理时限 counting down (overdue rows stand out); searchable by 办件编号, name or applicant, and
 * filtered by 一件事 and by deadline. The list patches itself in place as applications change.
 */
const TABS = [
  { key: 'submitted', label: '待审核' },
  { key: 'processing', label: '办理中' },
  { key: 'returned', label: '已退回' },
  { key: 'completed', label: '已办结' },
  { key: 'all', label: '全部' },
];

/** States whose deadline still runs. */
const RUNNING: readonly ApplicationStatus[] = ['submitted', 'processing'];

const deskQuery = z.object({
  status: z.preprocess((v) => (v ? v : undefined), z.string().max(20).optional()),
  q: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined),
    z.string().max(50, '搜索内容最多 50 个字').optional(),
  ),
  bundle: z.preprocess((v) => (v ? v : undefined), z.string().max(40).optional()),
  due: z.preprocess((v) => (v ? v : undefined), z.enum(['overdue', 'today']).optional()),
});

interface DeskRow {
  application: Application;
  applicant: string;
  deadline: Date | undefined;
  waiting: number;
  /** Items an admin handed over to the counter (转人工): the clerk files them by hand. */
  handedOver: number;
}

export async function showDesk(services: Services, req: Request, res: Response): Promise<void> {
  const parsed = parseForm(deskQuery, req.query);
  const query = parsed.ok ? parsed.data : {};
  const wanted = query.status ?? 'submitted';
  const statuses: ApplicationStatus[] | undefined =
    wanted === 'all'
      ? undefined
      : (APPLICATION_STATUSES as readonly string[]).includes(wanted)
        ? [wanted as ApplicationStatus]
        : ['submitted'];
  const scope = scopeOf(signedIn(req));
  const [applications, counts] = await Promise.all([
    services.applications.list(scope, { ...(statuses ? { statuses } : {}), limit: 500 }),
    services.applications.countByStatus(scope),
  ]);
  const applicantIds = [...new Set(applications.map((a) => a.applicantId))];
  const applicants = new Map(
    (await Promise.all(applicantIds.map((id) => services.users.findById(id)))).flatMap((user) =>
      user ? [[user.id, user.displayName] as const] : [],
    ),
  );
  const [tasks, handedOver] = services.bots
    ? await Promise.all([
        services.bots.openTasks(applications.map((a) => a.id)),
        services.bots.handedOverItems(applications.map((a) => a.id)),
      ])
    : [[], []];
  const now = new Date();
  const endOfToday = new Date(now.getTime() + 24 * 3_600_000);
  const needle = query.q?.toLowerCase();
  const rows: DeskRow[] = applications
    .map((application) => ({
      application,
      applicant: applicants.get(application.applicantId) ?? '',
      deadline: RUNNING.includes(application.status)
        ? applicationDeadline(
            services.catalog.selectedItems(application.bundleId, application.options).map((item) => item.id),
            application.submittedAt,
          )
        : undefined,
      waiting: tasks.filter((task) => task.applicationId === application.id).length,
      handedOver: handedOver.filter((item) => item.applicationId === application.id).length,
    }))
    .filter(
      (row) =>
        (!needle ||
          [row.application.reference, row.application.title ?? '', row.applicant].some((text) =>
            text.toLowerCase().includes(needle),
          )) &&
        (!query.bundle || row.application.bundleId === query.bundle) &&
        (!query.due ||
          (row.deadline !== undefined &&
            (query.due === 'overdue' ? row.deadline < now : row.deadline < endOfToday))),
    )
    // Most urgent first: the nearest deadline, then the newest.
    .sort(
      (a, b) =>
        (a.deadline?.getTime() ?? Number.POSITIVE_INFINITY) -
        (b.deadline?.getTime() ?? Number.POSITIVE_INFINITY),
    );
  const keep = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...query, status: wanted, ...extra }))
      if (value) params.set(key, String(value));
    return `/desk?${params.toString()}`;
  };
  sendPage(req, res, {
    title: '窗口办件',
    active: '/desk',
    width: 'wide',
    scripts: ['live-patch.js'],
    body: html`<nav class="tabs" aria-label="按状态筛选" data-patch-id="desk-tabs">${TABS.map((tab) => {
      const count = tab.key === 'all' ? undefined : counts[tab.key as ApplicationStatus];
      return html`<a class="${cls('tabs__tab', tab.key === wanted && 'tabs__tab--active')}" href="${keep({ status: tab.key })}">${tab.label}${count ? html` <span class="count">${String(count)}</span>` : ''}</a>`;
    })}</nav>
<form class="card filters" method="get" action="/desk" role="search"><input type="hidden" name="status" value="${wanted}">
  ${inputField({ name: 'q', label: '搜索', type: 'search', value: query.q, hint: '办件编号、企业名称或申请人姓名', error: parsed.ok ? undefined : parsed.errors.q })}
  ${selectField({ name: 'bundle', label: '一件事', value: query.bundle ?? '', placeholder: '全部', options: services.catalog.bundles().map((bundle) => ({ value: bundle.id, label: bundle.name })) })}
  ${selectField({
    name: 'due',
    label: '办理时限',
    value: query.due ?? '',
    placeholder: '全部',
    options: [
      { value: 'overdue', label: '已超时' },
      { value: 'today', label: '24 小时内到期' },
    ],
  })}
  <div class="filters__actions"><button class="button button--primary" type="submit">筛选</button><a class="button" href="/desk?status=${wanted}">清除</a></div>
</form>
<section class="card" data-live-list data-live-patch><div data-patch-id="desk-list">${
      rows.length === 0
        ? emptyState(
            query.q || query.bundle || query.due ? '没有符合条件的办件' : '暂时没有办件',
            '有新的申请提交时，这里会自动出现。',
          )
        : deskTable(services, rows, now)
    }</div></section>`,
  });
}

function deskTable(services: Services, rows: readonly DeskRow[], now: Date): SafeHtml {
  return html`<div class="table-wrap"><table class="table table--desk"><thead><tr><th>办件编号</th><th>申请人</th><th>一件事</th><th>名称</th><th>状态</th><th>提交时间</th><th>办理时限</th><th></th></tr></thead>
<tbody>${rows.map(({ application, applicant, deadline, waiting, handedOver }) => {
    const due = deadline ? countdown(deadline, now) : undefined;
    return html`<tr class="${cls(due?.overdue && 'row--overdue')}"><td data-label="办件编号"><code>${application.reference}</code></td>
<td data-label="申请人">${applicant ? maskName(applicant) : '—'}</td>
<td data-label="一件事">${services.catalog.bundle(application.bundleId)?.name ?? application.bundleId}</td>
<td data-label="名称">${application.title ?? '未命名办件'}</td><td data-label="状态">${statusBadge(application.status)}${waiting ? html` <span class="tag tag--required">${String(waiting)} 个验证码待处理</span>` : ''}${handedOver ? html` <span class="tag tag--required">${String(handedOver)} 个事项转人工</span>` : ''}</td>
<td data-label="提交时间" class="nowrap">${formatTime(application.submittedAt)}</td>
<td data-label="办理时限" class="nowrap">${deadline && due ? html`<span class="deadline">${formatTime(deadline)}</span><br><span class="${cls('countdown', due.overdue && 'countdown--overdue')}">${due.text}</span>` : '—'}</td>
<td><a class="button button--small" href="/desk/applications/${application.id}">${application.status === 'submitted' ? '审核' : '查看'}</a></td></tr>`;
  })}</tbody></table></div>`;
}
