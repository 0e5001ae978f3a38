import { BotError } from './bot-error.ts';

/** A binding found nothing on the page: the portal changed and the declaration must be updated. */
export class PortalChangedError extends BotError {
  override readonly name = 'PortalChangedError';
  readonly code = 'PORTAL_CHANGED' as const;
  readonly retryable = false;
}
