import type { Request, Response } from 'express';
import { z } from 'zod';
import { SEVERITY_ZH } from '../../../queue/drift-processor.ts';
import { TIME_OF_DAY } from '../../../queue/drift-schedule.ts';
import type { DriftScheduleRow, PortalCheckRow } from '../../../store/portal-checks.repo.ts';
import type { PortalSettingsRow } from '../../../store/portal-settings.repo.ts';
import type { BotsPort } from '../../bots.ts';
import { alertBox, csrfField, formatTime, inputField } from '../../html/components.ts';
import { html, type SafeHtml } from '../../html/html.ts';
import { signedIn } from '../../http/context.ts';
import { adminPage, type RouteSpec } from '../../http/routes.ts';
import { parseForm } from '../../http/validate.ts';

/**
 * The drift check on the 部门系统 page (docs/drift-check.md): per portal its last check and findings in
 * Chinese, red when one will fail a filing, 立即检查, and whether a must-fail finding holds new filings;
 * above the portals, the nightly schedule.
 */
export interface PortalChecks {
  last: PortalCheckRow;
  lastRun?: PortalCheckRow;
}

const willFail = (check: PortalCheckRow | undefined) =>
  check?.findings.some((finding) => finding.severity === 'will-fail') ?? false;

/** Whether the portal's card is red: its last check that ran found something that will fail. */
export const driftFailing = (checks: PortalChecks | undefined) => willFail(checks?.lastRun);

function resultOf(check: PortalCheckRow): string {
  if (check.outcome === 'skipped') return `未检查：${check.note ?? ''}`;
  if (check.outcome === 'error') return check.note ?? '检查未能完成';
  const count = (severity: 'will-fail' | 'may-fail' | 'cosmetic') =>
    check.findings.filter((finding) => finding.severity === severity).length;
  if (check.findings.length === 0) return `无变化（检查了 ${check.stepsChecked.length} 步）`;
  const parts = [
    count('will-fail') && `${count('will-fail')} 项必定失败`,
    count('may-fail') && `${count('may-fail')} 项可能失败`,
    count('cosmetic') && `${count('cosmetic')} 项不影响办件`,
  ].filter(Boolean);
  return `发现 ${check.findings.length} 项变化：${parts.join('，')}`;
}

const TRIGGER_ZH = { schedule: '定时', admin: '手动' } as const;

export function driftSection(
  portalId: string,
  checks: PortalChecks | undefined,
  setting: PortalSettingsRow | undefined,
  csrf: string,
): SafeHtml {
  const action = `/admin/portals/${portalId}`;
  const ran = checks?.lastRun;
  const skippedLater = checks && checks.last.id !== ran?.id ? checks.last : undefined;
  return html`<div class="drift" aria-label="系统变更检查">
  <h3 class="drift__title">系统变更检查</h3>
  ${
    ran
      ? html`<p class="drift__result">上次检查：${formatTime(ran.finishedAt)}（${TRIGGER_ZH[ran.trigger]}）· ${resultOf(ran)}</p>`
      : html`<p class="drift__result muted">尚未检查</p>`
  }
  ${skippedLater ? html`<p class="field__hint">${formatTime(skippedLater.finishedAt)} ${resultOf(skippedLater)}</p>` : ''}
  ${
    ran?.findings.length
      ? html`<ul class="drift__findings">${ran.findings.map(
          (finding) =>
            html`<li class="drift__finding drift__finding--${finding.severity}"><span class="drift__severity">${SEVERITY_ZH[finding.severity]}</span>${finding.step}：${finding.message}</li>`,
        )}</ul>`
      : ''
  }
  ${setting?.driftHold ? alertBox('warning', html`新的事项暂停提交，等待检查通过或管理员解除：${setting.driftHold}`, '已因系统变更暂停') : ''}
  <div class="drift__actions">
    <form method="post" action="${action}/check">${csrfField(csrf)}<button class="button" type="submit">立即检查</button></form>
    <form method="post" action="${action}/drift">${csrfField(csrf)}
      <button class="button" type="submit" name="op" value="${setting?.driftAutoPause ? 'auto-pause-off' : 'auto-pause-on'}">${setting?.driftAutoPause ? '关闭自动暂停' : '开启自动暂停'}</button>
      ${setting?.driftHold ? html`<button class="button button--primary" type="submit" name="op" value="release">解除暂停</button>` : ''}
    </form>
  </div>
  <p class="field__hint">自动暂停：${setting?.driftAutoPause ? '已开启，检查发现必定失败的变化时，新的事项排队等待，不会提交' : '未开启'}</p>
</div>`;
}

export function scheduleCard(
  schedule: DriftScheduleRow,
  next: number | undefined,
  csrf: string,
  errors: Record<string, string>,
): SafeHtml {
  return html`<section class="card drift-schedule" id="drift-schedule">
  <div class="card__head"><h2 class="card__title">系统变更定时检查</h2>
  ${schedule.enabled ? html`<span class="badge badge--completed">每天 ${schedule.timeOfDay}</span>` : html`<span class="badge badge--returned">已关闭</span>`}</div>
  <p class="field__hint">用参考案例逐页走一遍各部门系统（填到最后一页前停下，不会提交），与门户声明比对。时区：${schedule.timeZone}。${next ? `下次检查：${formatTime(new Date(next))}` : ''}</p>
  <form method="post" action="/admin/portals/drift-schedule" class="form drift-schedule__form" novalidate>${csrfField(csrf)}
    ${inputField({ name: 'timeOfDay', label: '每天检查时间（时:分）', value: schedule.timeOfDay, error: errors.timeOfDay, placeholder: '02:30', maxlength: 5, id: 'drift-time' })}
    <label class="check"><input type="checkbox" name="enabled" value="on"${schedule.enabled ? html` checked` : ''}> 开启定时检查</label>
    <button class="button" type="submit">保存检查时间</button>
  </form>
</section>`;
}

const scheduleSchema = z.object({
  timeOfDay: z.string().trim().regex(TIME_OF_DAY, '请输入 00:00–23:59 之间的时间，如 02:30'),
  enabled: z.preprocess((v) => v === 'on', z.boolean()),
});

const driftOpSchema = z.object({
  op: z.enum(['auto-pause-on', 'auto-pause-off', 'release'], { error: '未知的操作' }),
});

/** Records an admin's change to one portal in the audit log. */
export type PortalAudit = (
  req: Request,
  action: string,
  portalId: string,
  detail?: Record<string, unknown>,
) => Promise<void>;

export interface DriftRouteDeps {
  bots: () => BotsPort;
  known: (portalId: string) => string;
  show: (
    req: Request,
    res: Response,
    state: { errors?: Record<string, Record<string, string>>; notice?: string },
    status?: number,
  ) => Promise<void>;
  /** The portal a form was posted for and the form parsed; undefined when the page was shown with its errors. */
  portalForm: <T extends z.ZodType>(
    req: Request,
    res: Response,
    schema: T,
  ) => Promise<{ portalId: string; data: z.output<T> } | undefined>;
  auditPortal: PortalAudit;
}

export function driftRoutes({ bots, known, show, portalForm, auditPortal }: DriftRouteDeps): RouteSpec[] {
  return [
    adminPage('post', '/admin/portals/drift-schedule', '设置系统变更定时检查的时间', async (req, res) => {
      const parsed = parseForm(scheduleSchema, req.body ?? {});
      if (!parsed.ok) return show(req, res, { errors: { schedule: parsed.errors } }, 422);
      await bots().setDriftSchedule(parsed.data, signedIn(req).id);
      await auditPortal(req, 'portal.drift-schedule', 'all', parsed.data);
      res.redirect(303, '/admin/portals?saved=1');
    }),
    adminPage('post', '/admin/portals/:portalId/check', '立即检查部门系统是否变更', async (req, res) => {
      const portalId = known(String(req.params.portalId));
      await bots().checkNow(portalId);
      await auditPortal(req, 'portal.check', portalId);
      res.redirect(303, `/admin/portals?checking=${encodeURIComponent(portalId)}#portal-${portalId}`);
    }),
    adminPage(
      'post',
      '/admin/portals/:portalId/drift',
      '设置检查发现变更时自动暂停，或解除暂停',
      async (req, res) => {
        const form = await portalForm(req, res, driftOpSchema);
        if (!form) return;
        const { portalId, data } = form;
        const change =
          data.op === 'release' ? { driftHold: null } : { driftAutoPause: data.op === 'auto-pause-on' };
        await bots().updateSettings(portalId, change, signedIn(req).id);
        await auditPortal(req, `portal.drift.${data.op}`, portalId);
        res.redirect(303, `/admin/portals?saved=1#portal-${portalId}`);
      },
    ),
  ];
}
