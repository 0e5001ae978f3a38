import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { PendingRegistration, PhoneVerificationsRepo } from '../../store/phone-verifications.repo.ts';
import type { SmsSender } from '../sms/sms.ts';

/** How long a registration code is valid, how many wrong tries it takes, how soon a new one may be asked for. */
export interface PhoneVerificationOptions {
  codeValidMs: number;
  maxAttempts: number;
  resendAfterMs: number;
}

export const DEFAULT_PHONE_VERIFICATION: PhoneVerificationOptions = {
  codeValidMs: 10 * 60_000,
  maxAttempts: 5,
  resendAfterMs: 60_000,
};

export type CodeCheck =
  | { ok: true; pending: PendingRegistration }
  | { ok: false; reason: 'missing' | 'expired' | 'exhausted' }
  | { ok: false; reason: 'wrong'; triesLeft: number };

/** Chinese text for each refusal, for the message beside the 短信验证码 field. */
export function codeProblem(check: Exclude<CodeCheck, { ok: true }>): string {
  switch (check.reason) {
    case 'missing':
      return '请先填写注册信息获取短信验证码';
    case 'expired':
      return '短信验证码已过期，请重新获取';
    case 'exhausted':
      return '验证码错误次数过多，请重新填写注册信息获取新验证码';
    case 'wrong':
      return `短信验证码不正确，还可以再试 ${check.triesLeft} 次`;
  }
}

/**
 * 注册短信验证: the account is created only after the code sent to its phone comes back, so a phone number
 * belongs to the person who registers with it. A code is six digits, kept as an HMAC, valid for ten minutes,
 * used once, and refused for good after five wrong tries (a new code then means registering again).
 */
export class PhoneVerification {
  constructor(
    private readonly repo: PhoneVerificationsRepo,
    private readonly sms: SmsSender,
    private readonly secret: string,
    private readonly options: PhoneVerificationOptions = DEFAULT_PHONE_VERIFICATION,
  ) {}

  /**
   * Seconds until another code may go to this phone (0: now): codes are spaced per phone as well as per
   * visitor, so nobody can send a stream of texts to someone else's number.
   */
  async waitBeforeSendingTo(phone: string, now = Date.now()): Promise<number> {
    const last = await this.repo.lastSentTo(phone);
    if (!last) return 0;
    return Math.max(0, Math.ceil((last.getTime() + this.options.resendAfterMs - now) / 1000));
  }

  /** Stores the registration for the session and sends its code. */
  async start(
    sessionIdHash: string,
    registration: { phone: string; displayName: string; passwordHash: string },
  ): Promise<void> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.repo.put(sessionIdHash, {
      ...registration,
      codeHmac: this.#hmac(registration.phone, code),
      expiresAt: new Date(Date.now() + this.options.codeValidMs),
    });
    const minutes = Math.round(this.options.codeValidMs / 60_000);
    await this.sms.send(
      registration.phone,
      `【一件事一键办】您正在注册申请人账号，验证码为${code}，${minutes}分钟内有效。如非本人操作，请忽略本短信。`,
    );
  }

  pending(sessionIdHash: string): Promise<PendingRegistration | undefined> {
    return this.repo.get(sessionIdHash);
  }

  /** Seconds until a new code may be asked for (0: now). */
  waitBeforeResend(pending: PendingRegistration, now = Date.now()): number {
    return Math.max(0, Math.ceil((pending.sentAt.getTime() + this.options.resendAfterMs - now) / 1000));
  }

  /** 重新获取: a new code for the same registration, tries counted afresh. */
  async resend(sessionIdHash: string, pending: PendingRegistration): Promise<void> {
    await this.start(sessionIdHash, pending);
  }

  /** Checks the code; a right one ends the pending registration (the caller creates the account). */
  async check(sessionIdHash: string, code: string): Promise<CodeCheck> {
    const pending = await this.repo.get(sessionIdHash);
    if (!pending) return { ok: false, reason: 'missing' };
    if (pending.attempts >= this.options.maxAttempts) return { ok: false, reason: 'exhausted' };
    if (pending.expiresAt.getTime() < Date.now()) return { ok: false, reason: 'expired' };
    const tried = await this.repo.takeTry(sessionIdHash, this.options.maxAttempts);
    if (!tried) return { ok: false, reason: 'exhausted' };
    const given = Buffer.from(this.#hmac(tried.phone, code.trim()), 'hex');
    if (!timingSafeEqual(given, Buffer.from(tried.codeHmac, 'hex'))) {
      const triesLeft = this.options.maxAttempts - tried.attempts;
      if (triesLeft <= 0) {
        await this.repo.remove(sessionIdHash);
        return { ok: false, reason: 'exhausted' };
      }
      return { ok: false, reason: 'wrong', triesLeft };
    }
    // Two right answers at once: only the one that ends the registration creates the account.
    if (!(await this.repo.consume(sessionIdHash))) return { ok: false, reason: 'missing' };
    return { ok: true, pending: tried };
  }

  #hmac(phone: string, code: string): string {
    return createHmac('sha256', this.secret).update(`register-sms:${phone}:${code}`).digest('hex');
  }
}
