/**
 * Text messages to a person's phone. The server only says what to send; how it leaves the machine is the
 * sender's business, so a centre plugs in its SMS gateway here without touching the pages.
 */
export interface SmsSender {
  /** Sends `text` to `phone`; throws when the message could not be handed over. */
  send(phone: string, text: string): Promise<void>;
}

export interface OutboxMessage {
  phone: string;
  text: string;
  at: Date;
}

/**
 * How registration codes reach phones, chosen once at start: the centre's gateway when SMS_WEBHOOK_URL is set;
 * in demo mode (`yijian start --demo`, DEMO=true) the page itself (OutboxSms); otherwise none, and applicants
 * cannot register online — a production server never shows a code on a page.
 */
export function smsSenderFor(settings: {
  webhookUrl?: string | undefined;
  demo: boolean;
}): SmsSender | undefined {
  if (settings.webhookUrl) return new WebhookSms(settings.webhookUrl);
  return settings.demo ? new OutboxSms() : undefined;
}

/** What the log says at start when nothing can send registration codes (see smsSenderFor). */
export const NO_SMS_WARNING =
  '未设置 SMS_WEBHOOK_URL：无法发送短信验证码，申请人在线注册已关闭。接入短信网关后设置 SMS_WEBHOOK_URL 并重启；只是试用请用 yijian start --demo';

/**
 * Demo mode and tests: nothing leaves the machine. Messages are kept in memory (the last 100) and the page
 * that asked for a code shows it in a box marked 演示环境, standing in for the phone — as the sandbox portals'
 * inbox does for theirs. Never logged: a code in a log line would be a code anyone with the logs could use.
 */
export class OutboxSms implements SmsSender {
  readonly messages: OutboxMessage[] = [];

  async send(phone: string, text: string): Promise<void> {
    this.messages.push({ phone, text, at: new Date() });
    if (this.messages.length > 100) this.messages.shift();
  }

  /** The newest message to `phone`, if any. */
  latest(phone: string): OutboxMessage | undefined {
    return this.messages.findLast((message) => message.phone === phone);
  }
}

/**
 * The centre's SMS gateway behind a webhook (SMS_WEBHOOK_URL): each message is POSTed as JSON { phone, text }
 * and must be answered 2xx within ten seconds.
 */
export class WebhookSms implements SmsSender {
  constructor(private readonly url: string) {}

  async send(phone: string, text: string): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone, text }),
      signal: AbortSignal.timeout(10_000),
    });
    // The status only: the body may quote the message, and with it the code.
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
  }
}
