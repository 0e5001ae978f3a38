import { BotError, type BotFailure } from './bot-error.ts';

export type HumanTaskKind = 'captcha' | 'sms-code';
/** What a person is needed for: a question's answer, or confirm-filing (whether an earlier attempt filed cannot be told on the portal; a clerk checks by hand). */
export type PersonTask = HumanTaskKind | 'confirm-filing';

/**
 * A person had to answer (a CAPTCHA the bot could not read, an SMS code) and the deadline passed, or must
 * check by hand whether an earlier attempt filed (a portal with no way to look it up).
 */
export class PersonNeededError extends BotError {
  override readonly name = 'PersonNeededError';
  readonly code = 'PERSON_NEEDED' as const;
  readonly retryable = false;

  constructor(
    message: string,
    readonly task: PersonTask,
  ) {
    super(message);
  }

  override toFailure(): BotFailure {
    return { ...super.toFailure(), task: this.task };
  }
}
