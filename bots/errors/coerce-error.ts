import { BotError, type BotFailure, parseWireFailure } from './bot-error.ts';
import { PersonNeededError } from './person-needed.error.ts';
import { PortalChangedError } from './portal-changed.error.ts';
import { PortalUnavailableError } from './portal-unavailable.error.ts';
import { ValueRejectedError } from './value-rejected.error.ts';

/** Rebuilds the class from its plain form, so `instanceof` works after a trip through Redis. */
export function botErrorFromFailure(failure: BotFailure): BotError {
  switch (failure.code) {
    case 'PORTAL_UNAVAILABLE':
      return new PortalUnavailableError(failure.message);
    case 'VALUE_REJECTED':
      return new ValueRejectedError(failure.message, failure.fields);
    case 'PERSON_NEEDED':
      return new PersonNeededError(failure.message, failure.task ?? 'sms-code');
    case 'PORTAL_CHANGED':
      return new PortalChangedError(failure.message);
  }
}

// Playwright's errors are recognised by name: a timeout or a closed target while talking to a portal means
// the portal (or the network to it) did not answer, which is worth another try.
const TRANSIENT_NAMES = new Set(['TimeoutError', 'TargetClosedError']);
const TRANSIENT_MESSAGE =
  /net::ERR_|ECONNREFUSED|ECONNRESET|socket hang up|Navigation failed|Target page, context or browser has been closed/;

/**
 * Every catch around a bot run goes through here: known classes pass, their wire form is parsed back,
 * network-ish failures become PortalUnavailableError, and anything else is reported as unavailable too —
 * retrying an unknown failure is safe because the run reconciles with 办件查询 before it submits again.
 */
export function coerceBotError(error: unknown): BotError {
  if (error instanceof BotError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const fromWire = parseWireFailure(message);
  if (fromWire) return botErrorFromFailure(fromWire);
  if (error instanceof Error && (TRANSIENT_NAMES.has(error.name) || TRANSIENT_MESSAGE.test(message))) {
    return new PortalUnavailableError(`门户无响应：${firstLine(message)}`);
  }
  return new PortalUnavailableError(`机器人运行出错：${firstLine(message)}`);
}

const firstLine = (text: string) => text.split('\n')[0]?.slice(0, 300) ?? '';
