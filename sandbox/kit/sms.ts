import { randomInt } from 'node:crypto';
import type { PortalStore, SmsMessage } from './store.ts';

export const SMS_CODE_VALID_MS = 5 * 60_000;

export type SmsCheck = 'ok' | 'wrong' | 'expired' | 'missing';

/** Chinese text for a failed check, for the message beside the 短信验证码 field. */
export const SMS_CHECK_MESSAGES: Record<Exclude<SmsCheck, 'ok'>, string> = {
  wrong: '短信验证码不正确',
  expired: '短信验证码已过期，请重新获取',
  missing: '请先获取短信验证码',
};

/**
 * Six-digit codes "sent" to a phone: the message goes to the portal's inbox (read through the control API,
 * which stands in for the applicant's phone). A code is valid for five minutes and once.
 */
export class SmsService {
  readonly #store: PortalStore;
  readonly #sender: string;
  readonly #now: () => number;

  constructor(store: PortalStore, sender: string, now: () => number = Date.now) {
    this.#store = store;
    this.#sender = sender;
    this.#now = now;
  }

  send(phone: string, purpose: string): { sentAt: string; expiresAt: string } {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.#now();
    const message: SmsMessage = {
      phone,
      code,
      purpose,
      text: `【${this.#sender}】您正在办理${purpose}，验证码为${code}，5分钟内有效。如非本人操作，请忽略本短信。`,
      sentAt: new Date(now).toISOString(),
      expiresAt: new Date(now + SMS_CODE_VALID_MS).toISOString(),
      used: false,
    };
    this.#store.addSms(message);
    return { sentAt: message.sentAt, expiresAt: message.expiresAt };
  }

  /** Checks the latest code sent to `phone` for `purpose`, and uses it up when it matches. */
  verify(phone: string, purpose: string, code: string): SmsCheck {
    const latest = this.#store
      .smsInbox(phone)
      .filter((message) => message.purpose === purpose && !message.used)
      .at(-1);
    if (!latest) return 'missing';
    if (Date.parse(latest.expiresAt) < this.#now()) return 'expired';
    if (latest.code !== code.trim()) return 'wrong';
    this.#store.markSmsUsed(latest);
    return 'ok';
  }
}
