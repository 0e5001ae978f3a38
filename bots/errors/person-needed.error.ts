import { BotError, type BotFailure } from './bot-error.ts';

export type HumanTaskKind = 'captcha' | 'sms-code';

/** A person had to answer (a CAPTCHA the bot could not read, an SMS code) and the deadline passed. */
export class PersonNeededError extends BotError {
  override readonly name = 'PersonNeededError';
  readonly code = 'PERSON_NEEDED' as const;
  readonly retryable = false;

  constructor(
    message: string,
    readonly task: HumanTaskKind,
  ) {
    super(message);
  }

  override toFailure(): BotFailure {
    return { ...super.toFailure(), task: this.task };
  }
}
