import type { Request, Response } from 'express';
import { z } from 'zod';
import type { BotRunRow } from '../../../store/bot-runs.repo.ts';
import type { PortalSettingsRow } from '../../../store/portal-settings.repo.ts';
import type { BotsPort } from '../../bots.ts';
import { bars, sparkline } from '../../html/charts.ts';
import { alertBox, csrfField, formatTime, inputField } from '../../html/components.ts';
import { html, type SafeHtml } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { signedIn } from '../../http/context.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import { adminPage, type RouteSpec } from '../../http/routes.ts';
import { parseForm } from '../../http/validate.ts';
import type { Services } from '../../services.ts';
import { PORTAL_NAMES } from './names.ts';
import { driftFailing, driftRoutes, driftSection, type PortalAudit, scheduleCard } from './portal-drift.ts';
import { portalStats } from './portal-stats.ts';

/**
 * 部门系统: per portal the last day's success rate and durations, the queue depth over the last hours, the
 * queue controls (pause/resume, concurrency, rate limit, address) and the portal account the bots use —
 * whose password is stored sealed and never shown back.
 */
const settingsSchema = z.object({
  concurrency: z.coerce
    .number({ error: '请输入 1–8 的整数' })
    .int('请输入 1–8 的整数')
    .min(1, '至少为 1')
    .max(8, '不能超过 8'),
  ratePerMinute: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce
      .number({ error: '请输入整数' })
      .int('请输入整数')
      .min(1, '至少为 1')
      .max(600, '不能超过 600')
      .optional(),
  ),
  baseUrl: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined),
    z.url({ protocol: /^https?$/, error: '请输入 http:// 或 https:// 开头的地址' }).optional(),
  ),
});

const credentialsSchema = z.object({
  username: z.string().trim().min(1, '请输入账号').max(64, '账号过长'),
  password: z.string().min(1, '请输入密码').max(128, '密码过长'),
});

export function portalRoutes(services: Services): RouteSpec[] {
  const bots = (): BotsPort => {
    if (!services.bots) throw new HttpError(503, 'BOTS_OFFLINE', '机器人队列暂未接入');
    return services.bots;
  };
  const known = (portalId: string) => {
    if (!bots().portalIds.includes(portalId)) throw notFound('部门系统');
    return portalId;
  };

  async function show(
    req: Request,
    res: Response,
    state: { errors?: Record<string, Record<string, string>>; notice?: string } = {},
    status = 200,
  ) {
    const port = bots();
    const since = new Date(Date.now() - 24 * 3_600_000);
    const [settings, credentials, checks, schedule, next] = await Promise.all([
      port.settings(),
      port.credentials(),
      port.checks(),
      port.driftSchedule(),
      port.nextDriftCheck(),
    ]);
    const csrf = req.yj.session?.csrfToken ?? '';
    const cards: SafeHtml[] = [];
    for (const portalId of port.portalIds) {
      const [runs, depth] = await Promise.all([
        port.runs({ portalId, since, limit: 1000 }),
        port.depth(portalId),
      ]);
      const stats = portalStats(runs);
      // Newest first: the latest run whose declaration no longer matched the portal's pages.
      const changed = runs.find((run) => run.failure?.code === 'PORTAL_CHANGED');
      const setting = settings.find((row) => row.portalId === portalId);
      const credential = credentials.find((row) => row.portalId === portalId);
      const check = checks.find((row) => row.last.portalId === portalId);
      cards.push(
        portalCard(
          portalId,
          stats,
          changed,
          depth,
          setting,
          credential,
          services.depthHistory?.series(portalId) ?? [],
          csrf,
          state.errors?.[portalId] ?? {},
          { section: driftSection(portalId, check, setting, csrf), failing: driftFailing(check) },
        ),
      );
    }
    sendPage(
      req,
      res,
      {
        title: '部门系统与队列',
        active: '/admin/portals',
        width: 'wide',
        lead: '最近 24 小时各部门系统的机器人办理情况。暂停后新的事项会排队等待，正在办理的事项会完成。',
        body: html`${state.notice ? alertBox('success', state.notice) : ''}${scheduleCard(schedule, next, csrf, state.errors?.schedule ?? {})}<div class="portal-grid">${cards}</div>`,
      },
      status,
    );
  }

  /**
   * The portal a form was posted for and the form parsed; undefined when it had errors and the page was
   * shown again with them beside that portal.
   */
  async function portalForm<T extends z.ZodType>(
    req: Request,
    res: Response,
    schema: T,
  ): Promise<{ portalId: string; data: z.output<T> } | undefined> {
    const portalId = known(String(req.params.portalId));
    const parsed = parseForm(schema, req.body ?? {});
    if (parsed.ok) return { portalId, data: parsed.data };
    await show(req, res, { errors: { [portalId]: parsed.errors } }, 422);
    return undefined;
  }
  const auditPortal: PortalAudit = (req, action, portalId, detail) =>
    services.audit(req, action, { type: 'portal', id: portalId }, detail);

  return [
    ...driftRoutes({ bots, known, show, portalForm, auditPortal }),
    adminPage('get', '/admin/portals', '部门系统与队列', (req, res) =>
      show(
        req,
        res,
        req.query.checking
          ? { notice: '已开始检查，约一两分钟后刷新本页查看结果。' }
          : req.query.saved
            ? { notice: '已保存。' }
            : {},
      ),
    ),
    adminPage(
      'post',
      '/admin/portals/:portalId/settings',
      '修改队列设置（暂停/恢复、并发、限速、地址）',
      async (req, res) => {
        const portalId = known(String(req.params.portalId));
        const user = signedIn(req);
        const body = (req.body ?? {}) as Record<string, unknown>;
        if (body.op === 'pause' || body.op === 'resume') {
          // Resuming also lifts a hold a drift check put on the portal: the admin has looked.
          const change = body.op === 'pause' ? { paused: true } : { paused: false, driftHold: null };
          await bots().updateSettings(portalId, change, user.id);
          await auditPortal(req, `portal.${body.op}`, portalId);
          return res.redirect(303, '/admin/portals?saved=1');
        }
        const form = await portalForm(req, res, settingsSchema);
        if (!form) return;
        const change = {
          concurrency: form.data.concurrency,
          rateMax: form.data.ratePerMinute ?? null,
          rateDurationMs: form.data.ratePerMinute ? 60_000 : null,
          baseUrl: form.data.baseUrl ?? null,
        };
        await bots().updateSettings(portalId, change, user.id);
        await auditPortal(req, 'portal.settings', portalId, change);
        res.redirect(303, '/admin/portals?saved=1');
      },
    ),
    adminPage(
      'post',
      '/admin/portals/:portalId/credentials',
      '设置机器人登录部门系统的账号',
      async (req, res) => {
        const form = await portalForm(req, res, credentialsSchema);
        if (!form) return;
        const { username, password } = form.data;
        await bots().setCredentials(form.portalId, username, password, signedIn(req).id);
        // The password never reaches the audit log; the account name does.
        await auditPortal(req, 'portal.credentials', form.portalId, { account: username });
        res.redirect(303, '/admin/portals?saved=1');
      },
    ),
  ];
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const secondsOf = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} 秒`);

/**
 * A binding that found nothing means the department changed its pages: every item of this portal will
 * fail the same way until the declaration is updated, so the admin sees it first, with the run's evidence.
 */
function changedAlert(run: BotRunRow): SafeHtml {
  return alertBox(
    'error',
    html`${String(run.failure?.message ?? '')}（${formatTime(run.startedAt)}）<a href="/admin/runs/${String(run.id)}">查看运行记录与截图</a>`,
    '页面可能已改版，机器人无法办理',
  );
}

function portalCard(
  portalId: string,
  stats: ReturnType<typeof portalStats>,
  changed: BotRunRow | undefined,
  depth: Awaited<ReturnType<BotsPort['depth']>>,
  setting: PortalSettingsRow | undefined,
  credential: { username: string; passwordHint: string; updatedAt: Date } | undefined,
  depthSeries: number[],
  csrf: string,
  errors: Record<string, string>,
  drift: { section: SafeHtml; failing: boolean },
): SafeHtml {
  const action = `/admin/portals/${portalId}`;
  const paused = setting?.paused ?? depth.paused;
  return html`<section class="card portal${drift.failing ? ' portal--failing' : ''}" id="portal-${portalId}"${drift.failing ? html` data-drift="will-fail"` : ''}>
  <div class="card__head"><h2 class="card__title">${PORTAL_NAMES[portalId] ?? portalId}</h2>
    ${paused ? html`<span class="badge badge--returned">已暂停</span>` : html`<span class="badge badge--completed">运行中</span>`}</div>
  ${drift.failing ? alertBox('error', '最近一次检查发现部门系统已变更，提交将会失败，请查看下方检查结果并更新门户声明。', '部门系统已变更') : ''}
  ${changed ? changedAlert(changed) : ''}
  <div class="portal__numbers">
    <div><span class="portal__value">${percent(stats.successRate)}</span><span class="portal__label">成功率（${String(stats.finished)} 次）</span></div>
    <div><span class="portal__value">${secondsOf(stats.p50Ms)}</span><span class="portal__label">用时中位数</span></div>
    <div><span class="portal__value">${secondsOf(stats.p95Ms)}</span><span class="portal__label">用时 p95</span></div>
    <div><span class="portal__value">${String(depth.waiting + depth.delayed)}</span><span class="portal__label">排队 · 办理中 ${String(depth.active)}</span></div>
  </div>
  <div class="portal__charts">
    <figure><figcaption>每小时成功率</figcaption>${bars(stats.hourlySuccess, '最近 24 小时每小时成功率', { max: 1, good: 0.9 })}</figure>
    <figure><figcaption>每小时用时 p95（秒）</figcaption>${bars(stats.hourlyP95, '最近 24 小时每小时用时 p95')}</figure>
    <figure><figcaption>队列长度（最近两小时）</figcaption>${sparkline(depthSeries, '队列长度')}</figure>
  </div>
  ${drift.section}
  <form method="post" action="${action}/settings" class="portal__pause">${csrfField(csrf)}
    <button class="button ${paused ? 'button--primary' : 'button--danger'}" type="submit" name="op" value="${paused ? 'resume' : 'pause'}">${paused ? '恢复队列' : '暂停队列'}</button></form>
  <details class="prefilled"${Object.keys(errors).length ? html` open` : ''}><summary>队列设置与登录账号</summary>
  <form method="post" action="${action}/settings" class="form portal__form" novalidate>${csrfField(csrf)}
    ${inputField({ name: 'concurrency', label: '同时办理件数', inputmode: 'numeric', value: String(setting?.concurrency ?? 2), error: errors.concurrency, id: `${portalId}-concurrency` })}
    ${inputField({ name: 'ratePerMinute', label: '每分钟最多提交（留空不限）', inputmode: 'numeric', value: setting?.rateMax && setting.rateDurationMs ? String(Math.round((setting.rateMax * 60_000) / setting.rateDurationMs)) : '', error: errors.ratePerMinute, id: `${portalId}-rate` })}
    ${inputField({ name: 'baseUrl', label: '系统地址（留空为本机模拟门户）', value: setting?.baseUrl ?? '', error: errors.baseUrl, id: `${portalId}-url` })}
    <button class="button" type="submit">保存设置</button>
    ${setting?.updatedBy ? html`<p class="field__hint">上次修改：${formatTime(setting.updatedAt)}</p>` : ''}
  </form>
  <form method="post" action="${action}/credentials" class="form portal__form" novalidate>${csrfField(csrf)}
    <p class="field__hint">当前账号：${credential ? html`<strong>${credential.username}</strong>，密码 ${credential.passwordHint}（${formatTime(credential.updatedAt)} 设置）` : '未设置'}</p>
    ${inputField({ name: 'username', label: '登录账号', value: credential?.username ?? '', error: errors.username, autocomplete: 'off', id: `${portalId}-username` })}
    ${inputField({ name: 'password', label: '登录密码（加密保存，不再显示）', type: 'password', error: errors.password, autocomplete: 'new-password', id: `${portalId}-password` })}
    <button class="button" type="submit">保存账号</button>
  </form></details>
</section>`;
}
