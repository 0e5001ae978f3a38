import type { Redis } from 'ioredis';
import { PersonNeededError } from '../bots/errors/index.ts';
import type { PersonQuestion } from '../bots/item-runner.ts';
import { sleep } from '../lib/net.ts';
import { applicationItems } from '../store/application-items.repo.ts';
import type { Db } from '../store/db.ts';
import { humanTasks } from '../store/human-tasks.repo.ts';
import { publishEvent } from './events.ts';
import type { RunEvidence } from './evidence.ts';

export interface AskPersonDeps {
  db: Db;
  publisher: Redis;
  pollMs: number;
}

/**
 * A bot's question to a person, answered through the web app. The run keeps its browser page open and waits
 * here (BullMQ keeps renewing the job's lock meanwhile), so the answer lands in the same portal session and
 * the run continues from where it was. The store is polled rather than a channel subscribed, so the answer
 * reaches a worker on another machine even if it missed an event.
 */
export async function askPerson(
  deps: AskPersonDeps,
  target: {
    applicationId: string;
    itemId: string;
    runId: number;
    evidence: RunEvidence;
    signal: AbortSignal;
  },
  question: PersonQuestion,
): Promise<string> {
  const { db, publisher } = deps;
  const imagePath = question.image
    ? target.evidence.saveImage(`${question.kind}-question`, question.image)
    : null;
  const task = await humanTasks.open(db, {
    applicationId: target.applicationId,
    itemId: target.itemId,
    runId: target.runId,
    kind: question.kind,
    prompt: question.prompt,
    imagePath,
    deadline: new Date(Date.now() + question.timeoutMs),
  });
  await applicationItems.setStatus(db, target.applicationId, target.itemId, 'awaiting-person');
  const base = {
    applicationId: target.applicationId,
    itemId: target.itemId,
    taskId: task.id,
    kind: task.kind,
  };
  await publishEvent(publisher, { type: 'human-task', ...base, status: 'open' });

  while (Date.now() < task.deadline.getTime() && !target.signal.aborted) {
    const answer = await humanTasks.takeAnswer(db, task.id);
    if (answer !== undefined) {
      await applicationItems.setStatus(db, target.applicationId, target.itemId, 'running');
      await publishEvent(publisher, { type: 'human-task', ...base, status: 'used' });
      return answer;
    }
    await sleep(deps.pollMs);
  }
  await humanTasks.expire(db, task.id);
  await publishEvent(publisher, { type: 'human-task', ...base, status: 'expired' });
  const what = question.kind === 'sms-code' ? '短信验证码' : '图形验证码';
  throw new PersonNeededError(
    `等待${what}超时（${Math.round(question.timeoutMs / 60000)} 分钟内无人回答）`,
    question.kind,
  );
}
