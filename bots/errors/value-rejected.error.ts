import { BotError, type BotFailure, type FieldRejection } from './bot-error.ts';

/** The portal refused a value; a person must correct it. Carries the portal's own messages by field id. */
export class ValueRejectedError extends BotError {
  override readonly name = 'ValueRejectedError';
  readonly code = 'VALUE_REJECTED' as const;
  readonly retryable = false;

  constructor(
    message: string,
    readonly fields: FieldRejection[],
  ) {
    super(message);
  }

  override toFailure(): BotFailure {
    return { ...super.toFailure(), fields: this.fields };
  }
}
