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
import { adminPage, type RouteSpec } from '../../http/routes.ts';
import { parseForm } from '../../http/validate.ts';
import type { Services } from '../../services.ts';
import { REASON_BELOW, SCORES, scoreLabel } from './scores.ts';

const blankToUndefined = (value: unknown) => (value === '' || value === undefined ? undefined : value);
// Each filter on its own: a bad one (page=abc) falls back alone instead of dropping the others.
const ratingsQuery = z.object({
  centre: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[a-z0-9-]{2,40}$/)
        .optional(),
    )
    .catch(undefined),
  // One level (1–5), or every level below 满意.
  score: z
    .preprocess(
      blankToUndefined,
      z.union([z.literal('below'), z.coerce.number().int().min(1).max(5)]).optional(),
    )
    .catch(undefined),
  // A clerk's own (applications they accepted) or the whole centre's.
  range: z.preprocess(blankToUndefined, z.enum(['mine', 'centre']).optional()).catch(undefined),
  page: z
    .preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).optional())
    .catch(undefined),
});

type RatingsQuery = z.output<typeof ratingsQuery>;

/** Ratings per page of the list; the 「满意」以下 card shows the newest few with a link to all of them. */
export const RATINGS_PAGE_SIZE = 20;
const BELOW_SHOWN = 10;

/** How many ratings the list holds under a level filter, from the per-centre counts (no second query). */
function listed(counts: readonly CentreCounts[], score: RatingsQuery['score']): number {
  const counted = (index: number) =>
    score === 'below' ? index + 1 < REASON_BELOW : score ? index + 1 === score : true;
  return counts.reduce(
    (sum, centre) => sum + centre.byScore.reduce((a, n, index) => a + (counted(index) ? n : 0), 0),
    0,
  );
}

/** The page's address with `change` applied: only the filters (centre id, range, level, page), never a person. */
function hrefOf(path: string, query: RatingsQuery, change: Partial<RatingsQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...change }))
    if (value !== undefined && !(key === 'page' && value === 1)) params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

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
    const query: RatingsQuery = parsed.ok ? parsed.data : {};
    const range = audience === 'clerk' ? (query.range ?? 'mine') : undefined;
    const filter: RatingFilter = {
      ...(audience === 'admin' && query.centre ? { centreId: query.centre } : {}),
      ...(range === 'mine' ? { acceptedBy: user.id } : {}),
    };
    const scope = scopeOf(user);
    const level: RatingFilter =
      query.score === 'below' ? { below: true } : query.score ? { score: query.score } : {};
    const counts = await ratings.counts(scope, filter);
    const total = listed(counts, query.score);
    const pages = Math.max(1, Math.ceil(total / RATINGS_PAGE_SIZE));
    const page = Math.min(query.page ?? 1, pages);
    const [rows, below, centres] = await Promise.all([
      ratings.list(scope, {
        ...filter,
        ...level,
        limit: RATINGS_PAGE_SIZE,
        offset: (page - 1) * RATINGS_PAGE_SIZE,
      }),
      ratings.list(scope, { ...filter, below: true, limit: BELOW_SHOWN }),
      audience === 'admin' ? services.users.listCentres() : Promise.resolve([]),
    ]);
    const path = audience === 'admin' ? '/admin/ratings' : '/desk/ratings';
    const belowTotal = listed(counts, 'below');
    const shownQuery = { ...query, page };
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
  ${selectField({ name: 'score', label: '评价', value: query.score ? String(query.score) : '', placeholder: '全部评价', options: [...SCORES.map((label, index) => ({ value: String(index + 1), label })), { value: 'below', label: '「满意」以下（需改进）' }] })}
  <div class="filters__actions"><button class="button button--primary" type="submit">筛选</button><a class="button" href="${path}">清除</a></div>
</form>
<section class="card" id="rating-counts"><h2 class="card__title">各等级评价数</h2>${counts.length ? countsTable(counts, path, range) : emptyState('还没有评价', '申请人在办件办结后可以评价，评价会出现在这里。')}</section>
<section class="card" id="rating-reasons"><h2 class="card__title">「满意」以下的评价及原因</h2>${below.length ? html`${ratingsTable(below, audience)}${belowTotal > below.length ? html`<p class="actions"><a class="button" href="${hrefOf(path, query, { score: 'below', page: undefined })}">查看全部 ${String(belowTotal)} 条</a></p>` : ''}` : html`<p class="muted">没有「满意」以下的评价。</p>`}</section>
<section class="card" id="rating-list"><h2 class="card__title">评价明细${query.score ? `（${query.score === 'below' ? '「满意」以下' : scoreLabel(query.score)}）` : ''}</h2>${rows.length ? html`${ratingsTable(rows, audience)}${pager(path, shownQuery, pages, total)}` : html`<p class="muted">没有符合条件的评价。</p>`}</section>`,
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
    adminPage('get', '/admin/ratings', '好差评（各服务中心）', (req, res) => show(req, res, 'admin')),
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

/** 上一页 / 第 n / m 页 / 下一页, the filters kept in each link. */
function pager(path: string, query: RatingsQuery, pages: number, total: number): SafeHtml | '' {
  if (pages <= 1) return '';
  const page = query.page ?? 1;
  return html`<nav class="pager" aria-label="分页" data-pager>
  ${page > 1 ? html`<a class="button" rel="prev" href="${hrefOf(path, query, { page: page - 1 })}">上一页</a>` : ''}
  <span class="muted">第 ${String(page)} / ${String(pages)} 页，共 ${String(total)} 条</span>
  ${page < pages ? html`<a class="button" rel="next" href="${hrefOf(path, query, { page: page + 1 })}">下一页</a>` : ''}
</nav>`;
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
