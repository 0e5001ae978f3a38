import { maskPhone } from '../../../lib/redact.ts';
import { PortalChangedError, PortalUnavailableError } from '../../errors/index.ts';
import { waitFor } from '../locate.ts';
import type { Widget } from '../types.ts';
import { asText, textControl } from './common.ts';

const DEFAULT_VALID_MS = 5 * 60_000;

/** Why a new code was sent, said first so the person knows the last one did not count. */
function resentBecause(refusal: string | undefined): string {
  if (refusal === undefined) return '';
  return /过期|失效/.test(refusal) ? '验证码已过期，已重新发送。' : '验证码不正确，已重新发送。';
}

/**
 * An SMS code box with its 获取验证码 button: the bot presses the button, the code goes to the applicant's
 * phone, and a person types it back through `io.askPerson` (the bot never reads a phone). `phoneField` names
 * the item's field that holds the number, for the question shown to the person.
 */
export const smsCode = (options: {
  button: string;
  phoneField: string;
  sent?: RegExp;
  /** How long the portal's codes stay valid (its page says so, e.g. 5分钟内有效); default five minutes. */
  validForMs?: number;
}): Widget => ({
  kind: 'sms-code',
  async resolve(run, field, directive) {
    if (directive !== 'ask:sms-code') throw new PortalChangedError(`短信验证码无法处理“${directive}”`);
    const button = field.getByRole('button', { name: options.button, exact: true });
    // The code's life starts when it is asked for: the person's task must end no later than the code.
    const requestedAt = Date.now();
    await button.click();
    // The button starts counting down once the portal sent the message; an alert() says why it did not.
    const sent = await waitFor(async () => {
      const dialog = run.dialogs().at(-1);
      if (dialog) return { failed: dialog };
      // Short reads: an alert() box holds the page until it is dismissed; the next poll reads again.
      // The button is renamed by its countdown ("59秒后重新获取"): read it as the field's one button.
      const text = await field
        .getByRole('button')
        .textContent({ timeout: 1000 })
        .catch(() => null);
      return text !== null && (options.sent ?? /\d+\s*秒/).test(text) ? { failed: '' } : undefined;
    }, run.settings.navigationTimeoutMs);
    if (!sent) throw new PortalUnavailableError('发送短信验证码后门户长时间无响应');
    if (sent.failed) throw new PortalUnavailableError(`短信验证码发送失败：${sent.failed}`);
    const phone = asText(run.values[options.phoneField]);
    const expiresAt = requestedAt + (options.validForMs ?? DEFAULT_VALID_MS);
    return run.io.askPerson({
      kind: 'sms-code',
      prompt: `${resentBecause(run.lastSmsRefusal())}请输入发送到 ${maskPhone(phone)} 的 6 位短信验证码`,
      timeoutMs: Math.max(1000, Math.min(run.settings.personTimeoutMs, expiresAt - Date.now())),
    });
  },
  async fill(_run, field, value) {
    await textControl(field).fill(asText(value).trim());
  },
  read: (_run, field) => textControl(field).inputValue(),
  expected: (value) => asText(value).trim(),
});
