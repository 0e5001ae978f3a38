import type { BotQueue } from '../queue/bot-queue.ts';

/**
 * What the web application asks of the bots — `queue/`'s BotQueue, narrowed to the calls pages make. The
 * server never drives a browser itself: one-key submission, answers to the bots' questions and the admin's
 * queue controls all go through this, and the workers (on this machine or others) do the rest.
 */
export type BotsPort = Pick<
  BotQueue,
  | 'portalIds'
  | 'plan'
  | 'submit'
  | 'resubmitFailed'
  | 'closeItem'
  | 'finishByHand'
  | 'handedOverItems'
  | 'items'
  | 'openTasks'
  | 'task'
  | 'answerTask'
  | 'runs'
  | 'run'
  | 'steps'
  | 'settings'
  | 'updateSettings'
  | 'depth'
  | 'workers'
  | 'stuckItems'
  | 'credentials'
  | 'setCredentials'
  | 'checks'
  | 'checkNow'
  | 'driftSchedule'
  | 'setDriftSchedule'
  | 'nextDriftCheck'
  | 'heldItems'
>;
