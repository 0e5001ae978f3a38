import { OutboxSms } from '../../server/sms/sms.ts';
import { Client, type Reply } from './client.ts';
import type { TestServer } from './harness.ts';

/** The code in the newest message the server "sent" to `phone` (the test server's SMS outbox). */
export function smsCodeFor(web: TestServer, phone: string): string {
  const sms = web.services.sms;
  if (!(sms instanceof OutboxSms)) throw new Error('the test server sends SMS to its outbox');
  const code = sms.latest(phone)?.text.match(/验证码为(\d{6})/)?.[1];
  if (!code) throw new Error('no registration code was sent to this phone');
  return code;
}

/**
 * Registers through both steps as a person does: the form, then the code from the phone. A form the server
 * refuses (no code sent) is returned as it came.
 */
export async function register(
  web: TestServer,
  client: Client,
  form: Record<string, string>,
): Promise<Reply> {
  const started = await client.postForm('/register', form);
  if (started.status !== 303 || started.location !== '/register/verify') return started;
  await client.get('/register/verify');
  return client.postForm('/register/verify', { code: smsCodeFor(web, form.phone ?? '') });
}

/** The registration form of a person who types the password twice alike and agrees to the notice. */
export const registrationForm = (name: string, phone: string, password: string): Record<string, string> => ({
  name,
  phone,
  password,
  confirm: password,
  consent: '1',
});

/** A new visitor opens the registration page and registers with `form` (see `register`). */
export async function registerAnew(
  web: TestServer,
  form: Record<string, string>,
): Promise<{ client: Client; reply: Reply }> {
  const client = new Client(web.base);
  await client.get('/register');
  return { client, reply: await register(web, client, form) };
}
