import type { Logger } from '../../../lib/logger.ts';
import { sleep } from '../../../lib/net.ts';
import type { BotQueue } from '../../../queue/bot-queue.ts';
import type { SandboxClient } from '../../e2e/sandbox-client.ts';

/** Which sandbox portal texts the SMS code for an item. */
const SMS_PORTAL: Record<string, string> = { 'seal-engraving': 'public-security' };

export type Range = readonly [number, number];

export interface PersonAnswer {
  taskId: number;
  applicationId: string;
  itemId: string;
  kind: 'sms-code' | 'captcha';
  /** The delay this person took (drawn from the range), from seeing the question to typing the answer. */
  replyMs: number;
  answeredAt: number;
}

const draw = ([min, max]: Range) => min + Math.floor(Math.random() * (max - min + 1));

/**
 * The people of a benchmark: the applicant reads the SMS code on their phone (the sandbox inbox) and types
 * it after a delay drawn from `smsReplyMs`; the clerk reads a CAPTCHA picture on the workbench after
 * `captchaReplyMs`. Like cli/e2e/simulated-people.ts, but with the two delays apart and every answer kept,
 * since the applicant's delay is part of the critical path and the clerk's is not.
 */
export function startBenchPeople(options: {
  queue: BotQueue;
  sandbox: SandboxClient;
  applicationIds: () => readonly string[];
  smsReplyMs: Range;
  captchaReplyMs: Range;
  /** The applicant's phone by application, when applications differ (their SMS inbox); else the newest code. */
  phoneOf?: (applicationId: string) => string | undefined;
  logger: Logger;
}): { answers: PersonAnswer[]; stop(): Promise<void> } {
  let running = true;
  const answers: PersonAnswer[] = [];
  const seen = new Set<number>();
  const pending = new Set<Promise<void>>();
  const loop = (async () => {
    while (running) {
      const tasks = await options.queue.openTasks(options.applicationIds()).catch(() => []);
      for (const task of tasks.filter((t) => !seen.has(t.id))) {
        seen.add(task.id);
        const replyMs = draw(task.kind === 'captcha' ? options.captchaReplyMs : options.smsReplyMs);
        const answering = (async () => {
          await sleep(replyMs);
          const answer =
            task.kind === 'captcha'
              ? await options.sandbox.captchaAnswer()
              : await options.sandbox.lastSmsCode(
                  SMS_PORTAL[task.itemId] ?? task.itemId,
                  options.phoneOf?.(task.applicationId),
                );
          if (answer && (await options.queue.answerTask(task.id, answer, 'simulated-person'))) {
            answers.push({
              taskId: task.id,
              applicationId: task.applicationId,
              itemId: task.itemId,
              kind: task.kind,
              replyMs,
              answeredAt: Date.now(),
            });
          }
        })()
          .catch((error: unknown) => options.logger.warn({ err: error }, 'simulated person could not answer'))
          .finally(() => pending.delete(answering));
        pending.add(answering);
      }
      await sleep(100);
    }
  })();
  return {
    answers,
    async stop() {
      running = false;
      await loop;
      await Promise.all([...pending]);
    },
  };
}
