import type { Request, Response } from 'express';
import { z } from 'zod';
import { ELEMENTS, elementSchema } from '../../../forms/index.ts';
import type { DoneByHand } from '../../../store/application-items.repo.ts';
import { ApplicationActions } from '../../applications/actions.ts';
import { auditInTransaction } from '../../audit.ts';
import { signedIn } from '../../http/context.ts';
import { HttpError } from '../../http/errors.ts';
import { deskPage, type RouteSpec } from '../../http/routes.ts';
import { parseForm } from '../../http/validate.ts';
import type { Services } from '../../services.ts';
import { itemName } from '../admin/names.ts';
import { outputField, typedOutputs } from '../by-hand-form.ts';
import { followUpFailed, showDeskApplication, showDeskConflict } from './desk-view.ts';

/** What a redirect back to the application says after a 人工办结. */
export const BY_HAND_NOTICE = '已登记人工办结。各事项都办结后，办件自动办结并生成办结通知书。';

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const number = z.preprocess(trimmed, z.string().max(64, '不能超过 64 个字'));

/**
 * An output typed by the clerk: as long as a number may be, and, when it fills a data element for later
 * items (统一社会信用代码 → company.creditCode), valid for that element as the bots will use it.
 */
function outputSchema(output: { label: string; element?: string }) {
  const def = output.element ? ELEMENTS.get(output.element) : undefined;
  if (!def) return number;
  const { kind, constraints, optionLabels } = def;
  const schema = elementSchema({ label: output.label, kind, constraints, optionLabels });
  return number.superRefine((value, ctx) => {
    const result = schema.safeParse(value);
    if (!result.success)
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
  });
}

/** The form of one item: its 办理情况, 部门办件编号 and the outputs it produces (byHandForm). */
function byHandSchema(itemId: string) {
  return z.object({
    note: z.preprocess(trimmed, z.string().min(2, '请写明办理情况，供复核').max(500, '不能超过 500 个字')),
    reference: number,
    ...Object.fromEntries(
      typedOutputs(itemId).map((output) => [outputField(output.id), outputSchema(output)]),
    ),
  });
}

/**
 * 人工办结 (issue 19): an item an admin handed over to the clerk (转人工) is filed by hand; the clerk records what
 * was done and what the department answered. The item becomes done with it — the audit entry in the same
 * transaction — and the application completes as it does when the bots file the last item.
 */
export function byHandRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);

  async function finish(req: Request, res: Response): Promise<void> {
    const application = await actions.get(req, String(req.params.id));
    const itemId = String(req.params.itemId);
    const bots = services.bots;
    if (!bots) throw new HttpError(503, 'BOTS_OFFLINE', '机器人队列暂未接入');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = parseForm(byHandSchema(itemId), body);
    if (!parsed.ok) {
      const values = Object.fromEntries(Object.entries(body).map(([key, value]) => [key, trimmed(value)]));
      return showDeskApplication(
        services,
        req,
        res,
        application.id,
        { byHand: { itemId, errors: parsed.errors, values } },
        422,
      );
    }
    const { note, reference, ...typed } = parsed.data as Record<string, string>;
    const outputs = Object.fromEntries(
      typedOutputs(itemId)
        .map((output) => [output.id, typed[outputField(output.id)] ?? ''] as const)
        .filter(([, value]) => value !== ''),
    );
    const done: DoneByHand = {
      note: note ?? '',
      byName: signedIn(req).displayName,
      receipt: reference ? { reference } : {},
      outputs,
    };
    const results = typedOutputs(itemId)
      .filter((output) => outputs[output.id])
      .map((output) => `${output.label} ${outputs[output.id]}`)
      .join('；');
    let finished: boolean;
    try {
      finished = await bots.finishByHand(
        application.id,
        itemId,
        done,
        auditInTransaction(
          req,
          'item.done-by-hand',
          { type: 'application', id: application.id },
          { item: itemId, note: done.note, ...done.receipt, results },
        ),
      );
    } catch (error) {
      // Stored, but Redis failed after the commit: the retry (finishByHand is safe to repeat) schedules the rest.
      const row = (await bots.items(application.id)).find((candidate) => candidate.itemId === itemId);
      if (row?.status !== 'done' || !row.handledAt) throw error;
      return showDeskApplication(
        services,
        req,
        res,
        application.id,
        { notice: { kind: 'error', text: followUpFailed(`「${itemName(itemId)}」已登记人工办结`) } },
        503,
      );
    }
    if (!finished)
      return showDeskConflict(
        services,
        req,
        res,
        application.id,
        `「${itemName(itemId)}」不是转人工办理的事项，或已登记办结`,
      );
    res.redirect(303, `/desk/applications/${application.id}?by-hand=1`);
  }

  return [deskPage('post', '/desk/applications/:id/items/:itemId/done-by-hand', '登记事项人工办结', finish)];
}
