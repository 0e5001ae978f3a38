import type { Request } from 'express';
import type { Application } from '../../store/applications.repo.ts';
import type { HumanTaskRow } from '../../store/human-tasks.repo.ts';
import type { BotsPort } from '../bots.ts';
import { applicationAudience } from '../events/hub.ts';
import { signedIn } from '../http/context.ts';
import { conflict, HttpError, invalid, notFound } from '../http/errors.ts';
import type { ItemRun, ProgressView } from '../pages/progress.ts';
import type { Services } from '../services.ts';
import { ocrChecks } from '../workspace/ocr-checks.ts';
import { buildWorkspace } from '../workspace/workspace.ts';
import { ApplicationActions } from './actions.ts';
import { scopeOf } from './scope.ts';

/**
 * What happens after review, through the bots' queue: the clerk's one key (一键提交), resubmitting failed
 * items, and the answers people give to the bots' questions (an SMS code from the applicant's phone, the
 * characters of a CAPTCHA the bot could not read). Each checks that the question belongs to an application
 * the person may see before anything reaches the queue.
 */
export class DispatchActions {
  readonly #actions: ApplicationActions;

  constructor(private readonly services: Services) {
    this.#actions = new ApplicationActions(services);
  }

  #bots(): BotsPort {
    if (!this.services.bots)
      throw new HttpError(503, 'BOTS_OFFLINE', '机器人队列暂未接入，请稍后再试或联系管理员');
    return this.services.bots;
  }

  /** The progress data of an application the person may see (no bots: the items, not yet started). */
  async progress(
    application: Application,
  ): Promise<Pick<ProgressView, 'application' | 'items' | 'rows' | 'waves' | 'tasks' | 'holds' | 'runs'>> {
    const items = this.services.catalog.selectedItems(application.bundleId, application.options);
    const bots = this.services.bots;
    if (!bots) return { application, items, rows: [], waves: [], tasks: [] };
    const [rows, waves, tasks, holds, runs] = await Promise.all([
      bots.items(application.id),
      bots.plan(application.id).catch(() => []),
      bots.openTasks([application.id]),
      bots.heldItems(application.id),
      this.#latestRuns(bots, application.id),
    ]);
    return { application, items, rows, waves, tasks, holds, runs };
  }

  /** Each item's latest run, with the last step of those still running (what the bot is doing now). */
  async #latestRuns(bots: BotsPort, applicationId: string): Promise<Record<string, ItemRun>> {
    const latest: Record<string, ItemRun> = {};
    // Newest first: the first run seen of an item is its latest.
    for (const run of await bots.runs({ applicationId, limit: 200 })) {
      if (latest[run.itemId]) continue;
      latest[run.itemId] = {
        runId: run.id,
        status: run.status,
        startedAt: run.startedAt,
        durationMs: run.durationMs,
      };
    }
    await Promise.all(
      Object.values(latest)
        .filter((run) => run.status === 'running')
        .map(async (run) => {
          const last = (await bots.steps(run.runId)).at(-1);
          if (last) run.lastStep = { seq: last.seq, name: last.name, status: last.status };
        }),
    );
    return latest;
  }

  /** 一键提交: the application moves to 办理中 and every item that needs nothing starts. */
  async dispatch(req: Request, id: string): Promise<string[]> {
    const user = signedIn(req);
    // Whose it is first (a stranger learns nothing, not even whether the bots are up), then the queue.
    const application = await this.#actions.get(req, id);
    await this.#refuseUnconfirmed(application);
    const bots = this.#bots();
    const changed = await this.services.applications.transition(scopeOf(user), id, {
      from: ['submitted'],
      to: 'processing',
      actorId: user.id,
      actorRole: user.role,
      reason: '一键提交各部门',
    });
    if (!changed) {
      await this.#actions.get(req, id);
      throw conflict('只有待审核的办件可以一键提交');
    }
    const started = await bots.submit(id);
    await this.services.audit(req, 'application.dispatch', { type: 'application', id }, { started });
    this.services.events.publish(applicationAudience(changed), {
      type: 'application',
      data: { applicationId: id, status: changed.status, version: changed.version },
    });
    return started;
  }

  /**
   * An unsure OCR reading (请核对) is never sent to a department unseen: the clerk confirms or corrects each
   * one first (the review's 核对识别结果).
   */
  async #refuseUnconfirmed(application: Application): Promise<void> {
    const documents = await this.services.documents.list({ kind: 'all' }, application.id);
    const checks = ocrChecks(buildWorkspace(application, documents), documents);
    if (checks.length === 0) return;
    throw new HttpError(
      422,
      'OCR_UNCONFIRMED',
      `还有 ${checks.length} 项识别结果未核对（${checks.map((check) => check.label).join('、')}），请先对照证件照片确认或更正`,
      checks.map((check) => ({ path: ['values', check.slot], message: `${check.label}：识别结果请核对` })),
    );
  }

  async resubmit(req: Request, id: string, itemIds: readonly string[] | undefined): Promise<string[]> {
    const application = await this.#actions.get(req, id);
    if (application.status !== 'processing') throw conflict('只有办理中的办件可以重新提交失败的事项');
    const restarted = await this.#bots().resubmitFailed(id, itemIds);
    if (restarted.length === 0) throw conflict('没有需要重新提交的失败事项');
    await this.services.audit(req, 'application.resubmit', { type: 'application', id }, { items: restarted });
    return restarted;
  }

  /** The open question `taskId` of application `id`, if the person may answer it. */
  async openTask(
    req: Request,
    id: string,
    taskId: number,
    kinds: readonly HumanTaskRow['kind'][],
  ): Promise<HumanTaskRow> {
    await this.#actions.get(req, id);
    const task = await this.#bots().task(taskId);
    if (!task || task.applicationId !== id || !kinds.includes(task.kind)) throw notFound('待办事项');
    if (task.status !== 'open' || task.deadline.getTime() < Date.now())
      throw conflict('该验证码请求已过期或已处理');
    return task;
  }

  async answer(
    req: Request,
    id: string,
    taskId: number,
    answer: string,
    kinds: readonly HumanTaskRow['kind'][],
  ): Promise<void> {
    const task = await this.openTask(req, id, taskId, kinds);
    const pattern = task.kind === 'sms-code' ? /^\d{4,8}$/ : /^[A-Za-z0-9]{2,12}$/;
    const cleaned = answer.trim();
    if (!pattern.test(cleaned)) {
      throw invalid([
        {
          path: ['answer'],
          message: task.kind === 'sms-code' ? '请输入短信中的数字验证码' : '请输入图片中的字母或数字',
        },
      ]);
    }
    const accepted = await this.#bots().answerTask(taskId, cleaned, signedIn(req).id);
    if (!accepted) throw conflict('该验证码请求已过期或已处理');
    // The answer itself is a credential: only the fact that one was given is recorded.
    await this.services.audit(
      req,
      'task.answer',
      { type: 'application', id },
      { task: taskId, kind: task.kind, item: task.itemId },
    );
  }
}
