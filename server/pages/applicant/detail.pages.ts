import type { Request, Response } from 'express';
import { RatingsRepo } from '../../../store/ratings.repo.ts';
import { ApplicationActions, EDITABLE } from '../../applications/actions.ts';
import { DispatchActions } from '../../applications/dispatch.ts';
import { scopeOf } from '../../applications/scope.ts';
import { alertBox, csrfField, formatTime, STATUS_LABELS } from '../../html/components.ts';
import { html, type SafeHtml } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { signedIn } from '../../http/context.ts';
import { conflict, HttpError } from '../../http/errors.ts';
import { applicantPage, type RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import { documentsCard } from '../documents.pages.ts';
import { progressSection } from '../progress.ts';
import { REASON_BELOW, SCORES } from '../ratings/scores.ts';
import { applicationHeader, materialProgress, stepsBar } from './views.ts';

const NOTICES: Record<string, { kind: 'success'; text: string }> = {
  answered: { kind: 'success', text: '验证码已提交，机器人正在继续办理。' },
  rated: { kind: 'success', text: '感谢您的评价！' },
};

/** One application: what is left before submitting, then each item's progress, the bots' questions and 好差评. */
export function detailRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);
  const dispatch = new DispatchActions(services);
  const ratings = new RatingsRepo(services.db);

  async function show(
    req: Request,
    res: Response,
    id: string,
    notice?: { kind: 'success' | 'error'; text: string },
    status = 200,
    draft: RatingDraft = {},
  ) {
    const application = await actions.get(req, id);
    const scope = scopeOf(signedIn(req));
    const base = `/my/applications/${application.id}`;
    const [documents, history, progress, rating, papers] = await Promise.all([
      services.documents.list(scope, application.id),
      services.applications.history(scope, application.id),
      dispatch.progress(application),
      ratings.find(scope, application.id),
      documentsCard(services, application, base, 'applicant'),
    ]);
    const editable = EDITABLE.includes(application.status);
    const materials = materialProgress(actions.materialsOf(application), documents);
    const csrf = req.yj.session?.csrfToken ?? '';
    const smsWaiting = progress.tasks.some((task) => task.kind === 'sms-code');
    sendPage(
      req,
      res,
      {
        title: editable ? '提交审核' : '办理进度',
        crumbs: [{ label: '我的办件', href: '/my' }],
        body: html`${applicationHeader(application, services.catalog.bundle(application.bundleId))}${stepsBar(editable ? 'submit' : 'progress', application)}
${notice ? alertBox(notice.kind, notice.text) : ''}
${application.status === 'returned' ? alertBox('warning', application.returnReason ?? '', '窗口工作人员退回了申请，请按以下意见修改后重新提交') : ''}
${application.status === 'submitted' ? alertBox('info', '申请已提交，正在等待窗口工作人员审核。审核通过后将一键报送各部门，进度会在本页实时更新。') : ''}
${smsWaiting ? alertBox('warning', '有部门向您的手机发送了短信验证码，请在下方对应事项处输入。', '需要您提供短信验证码') : ''}
${application.status === 'completed' ? alertBox('success', '全部事项已办结。各部门的回执和编号见下方。', '办结') : ''}
<div class="grid grid--main">
${progressSection({ ...progress, audience: 'applicant', csrf, base })}
<aside class="stack">
  ${papers}
  ${editable ? submitCard(base, csrf, materials.done, materials.required, Object.keys(application.sources).length > 0) : ''}
  ${application.status === 'completed' ? ratingCard(base, csrf, rating, draft) : ''}
  <section class="card"><h2 class="card__title">办理记录</h2>
  <ol class="timeline">${history
    .slice()
    .reverse()
    .map(
      (
        change,
      ) => html`<li class="timeline__item"><span class="timeline__what">${STATUS_LABELS[change.toStatus]}</span>
      <span class="timeline__when">${formatTime(change.at)}</span>${change.reason ? html`<span class="timeline__why">${change.reason}</span>` : ''}</li>`,
    )}</ol></section>
</aside>
</div>`,
      },
      status,
    );
  }

  return [
    applicantPage('get', '/my/applications/:id', '办件详情与进度', (req, res) =>
      show(
        req,
        res,
        String(req.params.id),
        NOTICES[String(req.query.answered ? 'answered' : req.query.rated ? 'rated' : '')],
      ),
    ),
    applicantPage('post', '/my/applications/:id/submit', '提交审核', async (req, res) => {
      const id = String(req.params.id);
      try {
        await actions.submit(req, id);
        res.redirect(303, `/my/applications/${id}`);
      } catch (error) {
        if (error instanceof HttpError && error.status === 422)
          return res.redirect(303, `/my/applications/${id}/form?check=1`);
        throw error;
      }
    }),
    applicantPage('post', '/my/applications/:id/tasks/:taskId', '提交短信验证码', async (req, res) => {
      const id = String(req.params.id);
      try {
        await dispatch.answer(req, id, Number(req.params.taskId), String(req.body?.answer ?? ''), [
          'sms-code',
        ]);
      } catch (error) {
        if (error instanceof HttpError && (error.status === 409 || error.status === 422)) {
          return show(
            req,
            res,
            id,
            { kind: 'error', text: error.issues[0]?.message ?? error.message },
            error.status,
          );
        }
        throw error;
      }
      res.redirect(303, `/my/applications/${id}?answered=1`);
    }),
    applicantPage('post', '/my/applications/:id/rating', '好差评', async (req, res) => {
      const id = String(req.params.id);
      const user = signedIn(req);
      await actions.get(req, id);
      const score = Number(req.body?.score);
      const comment = typeof req.body?.comment === 'string' ? req.body.comment.trim().slice(0, 500) : '';
      if (!Number.isInteger(score) || score < 1 || score > 5) {
        return show(req, res, id, { kind: 'error', text: '请选择满意程度' }, 422, { comment });
      }
      if (score < REASON_BELOW && !comment) {
        return show(
          req,
          res,
          id,
          { kind: 'error', text: `选择「${SCORES[score - 1]}」时请填写原因，以便改进` },
          422,
          {
            score,
          },
        );
      }
      // A rating cannot be changed once given: it is shown back for a second look before it is stored.
      if (req.body?.confirmed !== '1')
        return show(req, res, id, undefined, 200, { score, comment, confirm: true });
      if (!(await ratings.add(user.id, id, score, comment || null)))
        throw conflict('该办件已评价，或尚未办结');
      await services.audit(req, 'application.rate', { type: 'application', id }, { score });
      res.redirect(303, `/my/applications/${id}?rated=1`);
    }),
  ];
}

function submitCard(
  base: string,
  csrf: string,
  done: number,
  required: number,
  formTouched: boolean,
): SafeHtml {
  return html`<section class="card"><h2 class="card__title">提交前检查</h2>
  <ul class="checklist">
    <li class="${done === required ? 'checklist__ok' : 'checklist__todo'}">必传材料 ${done}/${required} <a href="${base}/materials">去上传</a></li>
    <li class="${formTouched ? 'checklist__ok' : 'checklist__todo'}">表单 <a href="${base}/form">去确认</a></li>
  </ul>
  <form method="post" action="${base}/submit">${csrfField(csrf)}
  <button class="button button--primary button--block" type="submit" data-confirm="提交后将由窗口工作人员审核，审核期间不能修改。确定提交吗？">提交审核</button></form>
</section>`;
}

/** What was chosen and typed so far, kept across a refusal and the confirmation step. */
interface RatingDraft {
  score?: number;
  comment?: string;
  confirm?: boolean;
}

function ratingCard(
  base: string,
  csrf: string,
  rating: { score: number; comment: string | null } | undefined,
  draft: RatingDraft,
): SafeHtml {
  if (rating) {
    return html`<section class="card"><h2 class="card__title">您的评价</h2><p class="rating-done">${SCORES[rating.score - 1]}</p>${rating.comment ? html`<p class="muted">${rating.comment}</p>` : ''}</section>`;
  }
  if (draft.confirm && draft.score) {
    return html`<section class="card" id="rating"><h2 class="card__title">确认评价</h2>
  <p>您的评价：<strong class="rating-done">${SCORES[draft.score - 1]}</strong></p>
  ${draft.comment ? html`<p class="muted">${draft.comment}</p>` : ''}
  <p class="muted">评价提交后不能修改。</p>
  <form method="post" action="${base}/rating" class="form">${csrfField(csrf)}
    <input type="hidden" name="score" value="${String(draft.score)}"><input type="hidden" name="comment" value="${draft.comment ?? ''}"><input type="hidden" name="confirmed" value="1">
    <div class="actions"><button class="button button--primary" type="submit">确认提交</button><a class="button" href="${base}#rating">返回修改</a></div>
  </form></section>`;
  }
  return html`<section class="card" id="rating"><h2 class="card__title">好差评</h2>
  <form method="post" action="${base}/rating" class="form">${csrfField(csrf)}
    <fieldset class="rating"><legend class="field__label">您对本次办理满意吗？</legend>
    ${SCORES.map((label, index) => html`<label class="rating__option"><input type="radio" name="score" value="${String(index + 1)}"${draft.score === index + 1 ? html` checked` : ''}> ${label}</label>`)}
    </fieldset>
    <div class="field"><label class="field__label" for="rating-comment">意见或建议（选择「满意」以下时必填）</label>
    <textarea class="input" id="rating-comment" name="comment" rows="3" maxlength="500">${draft.comment ?? ''}</textarea></div>
    <button class="button button--primary" type="submit">下一步：确认评价</button>
  </form></section>`;
}
