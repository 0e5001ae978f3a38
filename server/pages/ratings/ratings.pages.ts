import type { Request, Response } from 'express';
import { z } from 'zod';
import { redactText } from '../../../lib/redact.ts';
import {
  type CentreCounts,
  type RatingFilter,
  type RatingRow,
  RatingsRepo,
} from '../../../store/ratings.repo.ts';
import { scopeOf } from '../../applications/scope.ts';
import { emptyState, formatTime, selectField } from '../../html/components.ts';
import { cls, html, type SafeHtml } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { signedIn } from '../../http/context.ts';
import type { RouteSpec } from '../../http/routes.ts';
import { parseForm } from '../../http/validate.ts';
import type { Services } from '../../services.ts';
import { REASON_BELOW, SCORES, scoreLabel } from './scores.ts';

const blankToUndefined = (value: unknown) => (value === '' || value === undefined ? undefined : value);
const ratingsQuery = z.object({
  centre: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/)
      .optional(),
  ),
  score: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(5).optional()),
  // A clerk's own (applications they accepted) or the whole centre's.
  range: z.preprocess(blankToUndefined, z.enum(['mine', 'centre']).optional()),
});

/**
 * 好差评 as staff read them: a clerk the ratings of the applications they accepted (or their centre's), an
 * admin every centre's, counted per level and centre, with the reasons given below 满意 and a link to each
 * application. Applicants' comments are free text, so phone and ID numbers in them are masked.
 */
export function ratingRoutes(services: Services): RouteSpec[] {
  const ratings = new RatingsRepo(services.db);

  async function show(req: Request, res: Response, audience: 'clerk' | 'admin'): Promise<void> {
    const user = signedIn(req);
    const parsed = parseForm(ratingsQuery, req.query);
    const query = parsed.ok ? parsed.data : {};
    const range = audience === 'clerk' ? (query.range ?? 'mine') : undefined;
    const filter: RatingFilter = {
      ...(audience === 'admin' && query.centre ? { centreId: query.centre } : {}),
      ...(range === 'mine' ? { acceptedBy: user.id } : {}),
    };
    const scope = scopeOf(user);
    const [counts, rows, centres] = await Promise.all([
      ratings.counts(scope, filter),
      ratings.list(scope, { ...filter, ...(query.score ? { score: query.score } : {}) }),
      audience === 'admin' ? services.users.listCentres() : Promise.resolve([]),
    ]);
    const path = audience === 'admin' ? '/admin/ratings' : '/desk/ratings';
    const below = rows.filter((row) => row.score < REASON_BELOW);
    sendPage(req, res, {
      title: '好差评',
      active: path,
      width: 'wide',
      lead:
        audience === 'admin'
          ? '申请人对已办结办件的评价，按服务中心统计。'
          : '申请人对已办结办件的评价。「我受理的」是您一键提交的办件。',
      body: html`<form class="card filters" method="get" action="${path}">
  ${
    audience === 'admin'
      ? selectField({
          name: 'centre',
          label: '服务中心',
          value: query.centre ?? '',
          placeholder: '全部中心',
          options: centres.map((centre) => ({ value: centre.id, label: centre.name })),
        })
      : selectField({
          name: 'range',
          label: '范围',
          value: range ?? 'mine',
          options: [
            { value: 'mine', label: '我受理的' },
            { value: 'centre', label: '本中心全部' },
          ],
        })
  }
  ${selectField({ name: 'score', label: '评价', value: query.score ? String(query.score) : '', placeholder: '全部评价', options: SCORES.map((label, index) => ({ value: String(index + 1), label })) })}
  <div class="filters__actions"><button class="button button--primary" type="submit">筛选</button><a class="button" href="${path}">清除</a></div>
</form>
<section class="card" id="rating-counts"><h2 class="card__title">各等级评价数</h2>${counts.length ? countsTable(counts, path, range) : emptyState('还没有评价', '申请人在办件办结后可以评价，评价会出现在这里。')}</section>
<section class="card" id="rating-reasons"><h2 class="card__title">「满意」以下的评价及原因</h2>${below.length ? ratingsTable(below, audience) : html`<p class="muted">没有「满意」以下的评价。</p>`}</section>
<section class="card" id="rating-list"><h2 class="card__title">评价明细${query.score ? `（${scoreLabel(query.score)}）` : ''}</h2>${rows.length ? ratingsTable(rows, audience) : html`<p class="muted">没有符合条件的评价。</p>`}</section>`,
    });
  }

  return [
    {
      method: 'get',
      path: '/desk/ratings',
      access: ['clerk'],
      kind: 'page',
      summary: '好差评（本人受理的办件）',
      handler: (req, res) => show(req, res, 'clerk'),
    },
    {
      method: 'get',
      path: '/admin/ratings',
      access: ['admin'],
      kind: 'page',
      summary: '好差评（各服务中心）',
      handler: (req, res) => show(req, res, 'admin'),
    },
  ];
}

function countsTable(counts: readonly CentreCounts[], path: string, range: string | undefined): SafeHtml {
  const link = (centreId: string, score?: number) => {
    const params = new URLSearchParams(range ? { range } : { centre: centreId });
    if (score) params.set('score', String(score));
    return `${path}?${params.toString()}`;
  };
  return html`<div class="table-wrap"><table class="table"><thead><tr><th>服务中心</th>${SCORES.map((label) => html`<th>${label}</th>`)}<th>合计</th><th>满意率</th></tr></thead>
<tbody>${counts.map((centre) => {
    const satisfied = centre.byScore[3] + centre.byScore[4];
    const rate = centre.total ? `${((satisfied / centre.total) * 100).toFixed(1)}%` : '—';
    return html`<tr data-centre="${centre.centreId}"><td data-label="服务中心">${centre.centreName}</td>${centre.byScore.map((n, index) => html`<td data-label="${SCORES[index] ?? ''}" data-score="${String(index + 1)}">${n ? html`<a href="${link(centre.centreId, index + 1)}">${String(n)}</a>` : '0'}</td>`)}<td data-label="合计"><a href="${link(centre.centreId)}">${String(centre.total)}</a></td><td data-label="满意率">${rate}</td></tr>`;
  })}</tbody></table></div>
<p class="field__hint">满意率 = （满意 + 非常满意）÷ 合计。点数字查看对应评价。</p>`;
}

function ratingsTable(rows: readonly RatingRow[], audience: 'clerk' | 'admin'): SafeHtml {
  return html`<div class="table-wrap"><table class="table"><thead><tr><th>评价时间</th><th>办件</th>${audience === 'admin' ? html`<th>服务中心</th>` : ''}<th>评价</th><th>原因或建议</th></tr></thead>
<tbody>${rows.map(
    (
      row,
    ) => html`<tr data-rating="${row.reference}"><td data-label="评价时间" class="nowrap">${formatTime(row.createdAt)}</td>
<td data-label="办件"><a href="/desk/applications/${row.applicationId}">${row.reference}</a> <span class="muted">${row.title ?? '未命名办件'}</span></td>
${audience === 'admin' ? html`<td data-label="服务中心">${row.centreName}</td>` : ''}
<td data-label="评价"><span class="${cls('badge', row.score < REASON_BELOW ? 'badge--returned' : 'badge--completed')}">${scoreLabel(row.score)}</span></td>
<td data-label="原因或建议">${row.comment ? redactText(row.comment) : html`<span class="muted">—</span>`}</td></tr>`,
  )}</tbody></table></div>`;
}
