import type { Request, Response } from 'express';
import { ApplicationActions } from '../../applications/actions.ts';
import { auditInTransaction } from '../../audit.ts';
import { signedIn } from '../../http/context.ts';
import { HttpError } from '../../http/errors.ts';
import type { RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import { followUpFailed, showDeskApplication, showDeskConflict } from '../clerk/desk-view.ts';
import { itemName } from './names.ts';

type Closing = 'cancelled' | 'handed-over';

const CLOSINGS: Record<Closing, { path: string; action: string; summary: string }> = {
  cancelled: { path: 'cancel', action: 'item.cancel', summary: '取消办理事项' },
  'handed-over': { path: 'hand-over', action: 'item.hand-over', summary: '事项转人工办理' },
};

/** What the desk page says after a closing (see deskNotice). */
export const CLOSED_NOTICES: Record<Closing, string> = {
  cancelled: '已取消该事项，机器人不会再办理。',
  'handed-over': '已转窗口人工办理，窗口人员会在办件页看到原因。',
};

/**
 * An admin's 取消 and 转人工 of one item (issue 19; 重新办理 is on the run page): both need a reason, which
 * the clerk reads on the application, and both take the item from the bots for good — its queued job is
 * removed and a worker that already holds it stops before filing (BotQueue.closeItem).
 */
export function itemActionRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);

  async function close(req: Request, res: Response, to: Closing): Promise<void> {
    const id = String(req.params.id);
    const itemId = String(req.params.itemId);
    const application = await actions.get(req, id);
    const bots = services.bots;
    if (!bots) throw new HttpError(503, 'BOTS_OFFLINE', '机器人队列暂未接入');
    const reason = typeof req.body?.reason === 'string' ? req.body.reason.trim() : '';
    if (reason.length < 2) {
      return showDeskApplication(
        services,
        req,
        res,
        application.id,
        { closeError: { itemId, error: '请填写原因，窗口人员会看到' } },
        422,
      );
    }
    const change = { to, reason: reason.slice(0, 500), byName: signedIn(req).displayName };
    // The audit entry is stored with the closing, in one transaction (see BotQueue.closeItem).
    let closed: boolean;
    try {
      closed = await bots.closeItem(
        application.id,
        itemId,
        change,
        auditInTransaction(
          req,
          CLOSINGS[to].action,
          { type: 'application', id: application.id },
          { item: itemId, reason: change.reason },
        ),
      );
    } catch (error) {
      // Stored, but Redis failed after the commit: the retry (closeItem is safe to repeat) does the rest.
      const row = (await bots.items(application.id)).find((candidate) => candidate.itemId === itemId);
      if (row?.status !== to) throw error;
      const text = followUpFailed(`「${itemName(itemId)}」已${to === 'cancelled' ? '取消' : '转人工'}`);
      return showDeskApplication(
        services,
        req,
        res,
        application.id,
        { notice: { kind: 'error', text } },
        503,
      );
    }
    if (!closed) {
      const verb = to === 'cancelled' ? '取消' : '转人工';
      return showDeskConflict(
        services,
        req,
        res,
        application.id,
        `「${itemName(itemId)}」正在办理或已经结束，不能${verb}`,
      );
    }
    res.redirect(303, `/desk/applications/${application.id}?closed=${to}`);
  }

  return (Object.keys(CLOSINGS) as Closing[]).map((to) => ({
    method: 'post',
    path: `/admin/applications/:id/items/:itemId/${CLOSINGS[to].path}`,
    access: ['admin'],
    kind: 'page',
    owns: 'application',
    summary: CLOSINGS[to].summary,
    handler: (req, res) => close(req, res, to),
  }));
}
