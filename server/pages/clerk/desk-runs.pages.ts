import { extname } from 'node:path';
import { ApplicationActions } from '../../applications/actions.ts';
import { formatTime } from '../../html/components.ts';
import { html } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import { deskPage, type RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import { readEvidence } from '../admin/evidence.ts';
import { itemName, PORTAL_NAMES } from '../admin/names.ts';
import { labelOf } from '../progress.ts';
import { comparisonCard, failureCard, RUN_STATUS, seconds, stepsCard } from '../run-evidence.ts';

/**
 * 办理过程: a run's evidence for the clerk of the application's centre (admin pages are the admins' only).
 * The run must belong to the application in the path, which the access guard already checked is theirs; the
 * Playwright trace (every keystroke) stays with the admins.
 */
export function deskRunRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);

  async function runOf(applicationId: string, runId: number) {
    if (!services.bots) throw new HttpError(503, 'BOTS_OFFLINE', '机器人队列暂未接入');
    const run = Number.isInteger(runId) ? await services.bots.run(runId) : undefined;
    if (!run || run.applicationId !== applicationId) throw notFound('办理记录');
    return { bots: services.bots, run };
  }

  return [
    deskPage('get', '/desk/applications/:id/runs/:runId', '事项的办理过程（证据）', async (req, res) => {
      const application = await actions.get(req, String(req.params.id));
      const { bots, run } = await runOf(application.id, Number(req.params.runId));
      const [steps, runs] = await Promise.all([
        bots.steps(run.id),
        bots.runs({ applicationId: application.id, limit: 200 }),
      ]);
      const itemRuns = runs.filter((other) => other.itemId === run.itemId);
      const status = RUN_STATUS[run.status];
      const base = `/desk/applications/${application.id}/runs/${String(run.id)}`;
      sendPage(req, res, {
        title: `${itemName(run.itemId)} · 办理过程`,
        crumbs: [
          { label: '窗口办件', href: '/desk' },
          { label: application.reference, href: `/desk/applications/${application.id}` },
        ],
        width: 'wide',
        body: html`<div class="stats">
  <div class="stat"><span class="stat__value stat__value--small"><span class="badge badge--${status.tone}">${status.label}</span></span><span class="stat__label">结果</span></div>
  <div class="stat"><span class="stat__value stat__value--small">${PORTAL_NAMES[run.portalId] ?? run.portalId}</span><span class="stat__label">部门系统</span></div>
  <div class="stat"><span class="stat__value stat__value--small">${seconds(run.durationMs)}</span><span class="stat__label">用时</span></div>
  <div class="stat"><span class="stat__value stat__value--small">${formatTime(run.startedAt)}</span><span class="stat__label">开始时间（第 ${String(run.attempt)} 次尝试）</span></div>
</div>
<div class="grid grid--main"><section class="stack">
  ${failureCard(run)}
  ${stepsCard(steps, (seq) => `${base}/steps/${String(seq)}/screenshot`)}
  ${comparisonCard(run)}
</section><aside class="stack"><section class="card"><h2 class="card__title">回执</h2>${
          run.receipt && Object.keys(run.receipt).length
            ? html`<dl class="item__facts">${Object.entries(run.receipt).map(([key, value]) => html`<div><dt>${labelOf(run.itemId, key)}</dt><dd>${value}</dd></div>`)}</dl>`
            : html`<p class="muted">没有回执。</p>`
        }</section>
  <section class="card"><h2 class="card__title">本事项的每次运行</h2><ol class="run-list">${itemRuns.map(
    (other) =>
      html`<li>${other.id === run.id ? html`<strong>${formatTime(other.startedAt)}</strong>` : html`<a href="/desk/applications/${application.id}/runs/${String(other.id)}">${formatTime(other.startedAt)}</a>`} <span class="badge badge--${RUN_STATUS[other.status].tone}">${RUN_STATUS[other.status].label}</span> <span class="muted">${seconds(other.durationMs)}</span></li>`,
  )}</ol></section></aside></div>`,
      });
    }),
    deskPage(
      'get',
      '/desk/applications/:id/runs/:runId/steps/:seq/screenshot',
      '办理步骤截图',
      async (req, res) => {
        const { bots, run } = await runOf(String(req.params.id), Number(req.params.runId));
        const step = (await bots.steps(run.id)).find((s) => s.seq === Number(req.params.seq));
        const image = await readEvidence(services.dataDir, step?.screenshotPath);
        // A portal's page with the applicant's values on it: never kept by a browser or proxy.
        res
          .set('Cache-Control', 'private, no-store')
          .type(extname(step?.screenshotPath ?? '.png'))
          .send(image);
      },
    ),
  ];
}
