import { BotError } from './bot-error.ts';

/** The portal did not serve us (5xx, 系统繁忙, timeout, not yet synced with another department): try again later. */
export class PortalUnavailableError extends BotError {
  override readonly name = 'PortalUnavailableError';
  readonly code = 'PORTAL_UNAVAILABLE' as const;
  readonly retryable = true;
}
