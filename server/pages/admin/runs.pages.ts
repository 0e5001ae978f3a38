import { extname } from 'node:path';
import { z } from 'zod';
import type { BotRunRow } from '../../../store/bot-runs.repo.ts';
import type { BotsPort } from '../../bots.ts';
import {
  alertBox,
  centreDayStart,
  csrfField,
  emptyState,
  formatTime,
  inputField,
  selectField,
} from '../../html/components.ts';
import { html, type SafeHtml } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import { adminPage, type RouteSpec } from '../../http/routes.ts';
import { calendarDay, parseForm } from '../../http/validate.ts';
import type { Services } from '../../services.ts';
import { labelOf } from '../progress.ts';
import { comparisonCard, failureCard, RUN_STATUS, seconds, stepsCard } from '../run-evidence.ts';
import { readEvidence } from './evidence.ts';
import { itemName, PORTAL_NAMES } from './names.ts';

const runQuery = z.object({
  portal: z.preprocess((v) => (v ? v : undefined), z.string().max(40).optional()),
  status: z.preprocess(
    (v) => (v ? v : undefined),
    z.enum(['running', 'succeeded', 'adopted', 'failed', 'interrupted']).optional(),
  ),
  from: z.preprocess((v) => (v ? v : undefined), calendarDay.optional()),
  to: z.preprocess((v) => (v ? v : undefined), calendarDay.optional()),
});

function botsOf(services: Services): BotsPort {
  if (!services.bots) throw new HttpError(503, 'BOTS_OFFLINE', '机器人队列暂未接入');
  return services.bots;
}

/** 机器人运行记录: every bot run with filters, and one run's evidence (steps, screenshots, comparison, trace). */
export function runRoutes(services: Services): RouteSpec[] {
  return [
    adminPage('get', '/admin/runs', '机器人运行记录', async (req, res) => {
      const bots = botsOf(services);
      const parsed = parseForm(runQuery, req.query);
      const query = parsed.ok ? parsed.data : {};
      const errors = parsed.ok ? {} : parsed.errors;
      const runs = await bots.runs({
        ...(query.portal ? { portalId: query.portal } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.from ? { since: centreDayStart(query.from) } : {}),
        ...(query.to ? { until: new Date(centreDayStart(query.to).getTime() + 86_400_000) } : {}),
        limit: 200,
      });
      sendPage(req, res, {
        title: '机器人运行记录',
        active: '/admin/runs',
        width: 'wide',
        body: html`<form class="card filters" method="get" action="/admin/runs">
  ${selectField({ name: 'portal', label: '部门系统', value: query.portal ?? '', placeholder: '全部', options: bots.portalIds.map((id) => ({ value: id, label: PORTAL_NAMES[id] ?? id })) })}
  ${selectField({ name: 'status', label: '结果', value: query.status ?? '', placeholder: '全部', options: Object.entries(RUN_STATUS).map(([value, { label }]) => ({ value, label })) })}
  ${inputField({ name: 'from', label: '起始日期', type: 'date', value: query.from, error: errors.from })}
  ${inputField({ name: 'to', label: '截止日期', type: 'date', value: query.to, error: errors.to })}
  <div class="filters__actions"><button class="button button--primary" type="submit">筛选</button><a class="button" href="/admin/runs">清除</a></div>
</form>
<section class="card" data-live-list>${runs.length ? runsTable(runs) : emptyState('没有符合条件的运行记录', '一键提交后，机器人的每次运行都会记录在这里。')}</section>`,
      });
    }),
    adminPage('get', '/admin/runs/:runId', '一次机器人运行的证据', async (req, res) => {
      const bots = botsOf(services);
      const run = await bots.run(Number(req.params.runId));
      if (!run) throw notFound('运行记录');
      const [steps, items] = await Promise.all([bots.steps(run.id), bots.items(run.applicationId)]);
      const item = items.find((row) => row.itemId === run.itemId);
      const status = RUN_STATUS[run.status];
      sendPage(req, res, {
        title: `运行 #${run.id}`,
        crumbs: [{ label: '机器人运行记录', href: '/admin/runs' }],
        width: 'wide',
        body: html`<div class="stats">
  <div class="stat"><span class="stat__value stat__value--small"><span class="badge badge--${status.tone}">${status.label}</span></span><span class="stat__label">结果</span></div>
  <div class="stat"><span class="stat__value stat__value--small">${PORTAL_NAMES[run.portalId] ?? run.portalId}</span><span class="stat__label">部门系统</span></div>
  <div class="stat"><span class="stat__value stat__value--small">${seconds(run.durationMs)}</span><span class="stat__label">用时</span></div>
  <div class="stat"><span class="stat__value stat__value--small">第 ${String(run.attempt)} 次</span><span class="stat__label">尝试（第 ${String(run.generation)} 轮）</span></div>
</div>
<div class="grid grid--main">
<section class="stack">
  ${req.query.retried ? alertBox('success', '已重新排队办理该事项，结果会出现在新的运行记录中。') : ''}
  ${item?.status === 'failed' ? retryCard(run, req.yj.session?.csrfToken ?? '') : ''}
  ${failureCard(run)}
  ${stepsCard(steps, (seq) => `/admin/runs/${String(run.id)}/steps/${String(seq)}/screenshot`)}
  ${comparisonCard(run)}
</section>
<aside class="stack">
  <section class="card"><h2 class="card__title">回执</h2>${
    run.receipt && Object.keys(run.receipt).length
      ? html`<dl class="item__facts">${Object.entries(run.receipt).map(([key, value]) => html`<div><dt>${labelOf(run.itemId, key)}</dt><dd>${value}</dd></div>`)}</dl>`
      : html`<p class="muted">没有回执。</p>`
  }</section>
  <section class="card"><h2 class="card__title">运行信息</h2><dl class="facts">
    <dt>办件</dt><dd><a href="/desk/applications/${run.applicationId}">${run.applicationId.slice(0, 8)}…</a></dd>
    <dt>事项</dt><dd>${itemName(run.itemId)}</dd><dt>开始</dt><dd>${formatTime(run.startedAt)}</dd><dt>结束</dt><dd>${formatTime(run.finishedAt)}</dd>
    <dt>工作进程</dt><dd>${run.worker}</dd><dt>任务</dt><dd><code>${run.jobId}</code></dd></dl>
    ${run.tracePath ? html`<a class="button button--block" href="/admin/runs/${String(run.id)}/trace">下载 Playwright 跟踪文件</a>` : ''}
  </section>
</aside></div>`,
      });
    }),
    adminPage('get', '/admin/runs/:runId/steps/:seq/screenshot', '步骤截图', async (req, res) => {
      const bots = botsOf(services);
      const step = (await bots.steps(Number(req.params.runId))).find((s) => s.seq === Number(req.params.seq));
      const image = await readEvidence(services.dataDir, step?.screenshotPath);
      // Step screenshots are JPEG; runs recorded before that change hold PNGs.
      res
        .set('Cache-Control', 'private, max-age=3600')
        .type(extname(step?.screenshotPath ?? '.png'))
        .send(image);
    }),
    adminPage('get', '/admin/runs/:runId/trace', '下载 Playwright 跟踪文件', async (req, res) => {
      const run = await botsOf(services).run(Number(req.params.runId));
      const trace = await readEvidence(services.dataDir, run?.tracePath);
      await services.audit(req, 'run.trace-download', { type: 'run', id: String(run?.id) });
      res
        .set('Content-Disposition', `attachment; filename="run-${String(run?.id)}-trace.zip"`)
        .type('application/zip')
        .send(trace);
    }),
    adminPage('post', '/admin/runs/:runId/retry', '重新办理失败的事项', async (req, res) => {
      const bots = botsOf(services);
      const run = await bots.run(Number(req.params.runId));
      if (!run) throw notFound('运行记录');
      const restarted = await bots.resubmitFailed(run.applicationId, [run.itemId]);
      if (restarted.length === 0)
        throw new HttpError(409, 'NOT_FAILED', '该事项已不在失败状态，无需重新办理');
      await services.audit(
        req,
        'item.retry',
        { type: 'application', id: run.applicationId },
        { item: run.itemId, run: run.id },
      );
      res.redirect(303, `/admin/runs/${String(run.id)}?retried=1`);
    }),
  ];
}

/**
 * The item of this run failed and is still failed: the admin may queue it again (a portal that was down,
 * a declaration fixed since). What the portal refused goes back to the clerk on the desk, as before.
 */
function retryCard(run: BotRunRow, csrf: string): SafeHtml {
  return html`<section class="card"><h2 class="card__title">该事项办理失败</h2>
<p class="muted">部门系统恢复或机器人配置更新后，可以重新办理；部门退回的内容请由窗口人员在办件页修改后重新提交。</p>
<form method="post" action="/admin/runs/${String(run.id)}/retry">${csrfField(csrf)}<button class="button button--primary" type="submit">重新办理「${itemName(run.itemId)}」</button></form>
<p><a href="/desk/applications/${run.applicationId}#manage-${run.itemId}">取消办理或转人工…</a></p></section>`;
}

function runsTable(runs: BotRunRow[]): SafeHtml {
  return html`<div class="table-wrap"><table class="table"><thead><tr><th>编号</th><th>部门系统</th><th>事项</th><th>结果</th><th>开始时间</th><th>用时</th><th>尝试</th><th></th></tr></thead>
<tbody>${runs.map((run) => {
    const status = RUN_STATUS[run.status];
    return html`<tr><td data-label="编号">#${String(run.id)}</td><td data-label="部门系统">${PORTAL_NAMES[run.portalId] ?? run.portalId}</td><td data-label="事项">${itemName(run.itemId)}</td>
<td data-label="结果"><span class="badge badge--${status.tone}">${status.label}</span></td><td data-label="开始时间" class="nowrap">${formatTime(run.startedAt)}</td>
<td data-label="用时">${seconds(run.durationMs)}</td><td data-label="尝试">${String(run.attempt)}</td><td><a class="button button--small" href="/admin/runs/${String(run.id)}">证据</a></td></tr>`;
  })}</tbody></table></div>`;
}
