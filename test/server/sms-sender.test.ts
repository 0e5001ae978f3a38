import { describe, expect, it } from 'vitest';
import { checkSms } from '../../cli/doctor/checks.ts';
import { OutboxSms, smsSenderFor, WebhookSms } from '../../server/sms/sms.ts';

/**
 * Issue 19's review: a registration code is shown on the page only in demo mode. Production without
 * SMS_WEBHOOK_URL has no sender at all (registration closed, see registration-sms.browser.test.ts), and
 * `yijian doctor` names the setting.
 */
describe('which SMS sender a server starts with', () => {
  it('sends through the gateway when SMS_WEBHOOK_URL is set, demo or not', () => {
    for (const demo of [false, true])
      expect(smsSenderFor({ webhookUrl: 'https://sms.example.gov.cn/send', demo })).toBeInstanceOf(
        WebhookSms,
      );
  });

  it('shows codes on the page only in demo mode, and has no sender otherwise', () => {
    expect(smsSenderFor({ demo: true })).toBeInstanceOf(OutboxSms);
    expect(smsSenderFor({ demo: false })).toBeUndefined();
    expect(smsSenderFor({ webhookUrl: undefined, demo: false })).toBeUndefined();
  });

  it('has yijian doctor warn about a missing gateway, naming the setting', () => {
    expect(checkSms({ SMS_WEBHOOK_URL: undefined, DEMO: false })).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('申请人在线注册关闭'),
      fix: expect.stringContaining('SMS_WEBHOOK_URL'),
    });
    expect(checkSms({ SMS_WEBHOOK_URL: undefined, DEMO: true }).status).toBe('ok');
    expect(checkSms({ SMS_WEBHOOK_URL: 'https://sms.example.gov.cn/send', DEMO: false }).status).toBe('ok');
  });
});
