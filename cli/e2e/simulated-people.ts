import type { Logger } from '../../lib/logger.ts';
import { sleep } from '../../lib/net.ts';
import type { BotQueue } from '../../queue/bot-queue.ts';
import type { SandboxClient } from './sandbox-client.ts';

/** Which sandbox portal texts the SMS code for an item. */
const SMS_PORTAL: Record<string, string> = { 'seal-engraving': 'public-security' };

/**
 * The people a bot may need, simulated for benchmarks and end-to-end tests: the applicant reads the SMS
 * code on their phone (the sandbox inbox) and types it into the progress page after `replyMs`; the clerk
 * reads a CAPTCHA the bot could not. Answers go through BotQueue.answerTask, as the web pages do.
 */
export function startSimulatedPeople(options: {
  queue: BotQueue;
  sandbox: SandboxClient;
  applicationIds: () => readonly string[];
  replyMs: number;
  logger: Logger;
}): { stop(): Promise<void>; answered: number } {
  let running = true;
  const state = { answered: 0 };
  const seen = new Set<number>();
  const loop = (async () => {
    while (running) {
      const tasks = await options.queue.openTasks(options.applicationIds());
      for (const task of tasks.filter((t) => !seen.has(t.id))) {
        seen.add(task.id);
        void (async () => {
          await sleep(options.replyMs);
          const answer =
            task.kind === 'captcha'
              ? await options.sandbox.captchaAnswer()
              : await options.sandbox.lastSmsCode(SMS_PORTAL[task.itemId] ?? task.itemId);
          if (answer && (await options.queue.answerTask(task.id, answer, 'simulated-person')))
            state.answered += 1;
        })().catch((error: unknown) =>
          options.logger.warn({ err: error }, 'simulated person could not answer'),
        );
      }
      await sleep(100);
    }
  })();
  return {
    get answered() {
      return state.answered;
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}
