import {
  PersonNeededError,
  PortalChangedError,
  PortalUnavailableError,
  ValueRejectedError,
} from '../errors/index.ts';
import { type SliderCaptcha, solveSlider } from './captcha/slider-drag.ts';
import { exists, findOne, locatorOf } from './locate.ts';
import { clickAndLoad, goto } from './navigate.ts';
import { isPersonalField } from './personal.ts';
import type { Run } from './run.ts';
import type { Find, LoginStep, RunContext } from './types.ts';
import { textControl } from './widgets/common.ts';

export interface ImageCaptcha {
  kind: 'image';
  image: Find;
  input: Find;
  /**
   * How the picture is drawn (font, alphabet, length), by a name the composing process knows: a reader
   * serves only the styles it was built and tested for, and any other goes to a person (cli/captcha-reading.ts).
   */
  style: string;
  /** What the person is asked when the bot cannot read it. */
  prompt: string;
}

export interface PasswordLoginDeclaration {
  /** Where the portal's login starts (it may redirect to a unified login on another host). */
  path: string;
  username: Find;
  password: Find;
  submit: Find;
  /** An image CAPTCHA (the picture and the box to type it into) or a slider to drag. */
  captcha?: ImageCaptcha | SliderCaptcha;
  /** Shows that we are logged in, back on the portal (e.g. the 退出 link). */
  loggedIn: Find;
}

async function captchaAnswer(run: Run, captcha: ImageCaptcha, lastAttempt: boolean): Promise<string> {
  const picture = await findOne(run.page, captcha.image, run.settings.findTimeoutMs, '验证码图片');
  // The picture is drawn by the server after the page; wait for the image itself, not a fixed time. A
  // picture that did not load (a busy server) is clicked for a new one, as the page invites a person to.
  for (let attempt = 1; ; attempt += 1) {
    const loaded = await picture.evaluate((img) =>
      img instanceof HTMLImageElement
        ? img.decode().then(
            () => true,
            () => false,
          )
        : true,
    );
    if (loaded) break;
    if (attempt >= 3) throw new PortalUnavailableError('验证码图片多次未能加载');
    await picture.click();
  }
  run.clearTrouble();
  const png = await picture.screenshot({ timeout: run.settings.actionTimeoutMs });
  if (run.readCaptcha && !lastAttempt) {
    const read = (await run.readCaptcha(png, captcha.style).catch(() => undefined))?.trim();
    if (read) return read;
  }
  return (
    await run.io.askPerson({
      kind: 'captcha',
      prompt: captcha.prompt,
      image: png,
      timeoutMs: run.settings.personTimeoutMs,
    })
  ).trim();
}

const messageBeside = async (run: Run, find: Find) =>
  (await locatorOf(run.page, find).getByRole('alert').allInnerTexts()).join('').trim();

/** Whether the page now shown is the portal's own (not its unified login on another host). */
const onPortal = (run: Run) => new URL(run.page.url()).origin === new URL(run.request.baseUrl).origin;

/**
 * Opens the application form on a run's kept session (`run.resumedSession`) at once: a portal shows its form
 * only to a logged-in user and sends anybody else to its login page, so one page load answers both (checking
 * the session on the home page first cost a page more per run). False when the form did not show — the
 * session was dropped (the bounce to the login page says 登录已超时, which is no busy portal), or the portal did
 * not answer — and the run logs in as usual.
 */
export async function formOnKeptSession(run: Run, entry: string, ready: Find | undefined): Promise<boolean> {
  if (run.page.url() !== 'about:blank') return false;
  const response = await run.page
    .goto(run.url(entry), { waitUntil: 'load', timeout: run.settings.navigationTimeoutMs })
    .catch(() => null);
  if (!response || response.status() >= 400 || run.brokenAssets().length > 0) return false;
  if (!onPortal(run)) return false;
  return ready ? exists(run.page, ready).catch(() => false) : true;
}

/**
 * Username and password, optionally with an image CAPTCHA (统一身份认证): a refused CAPTCHA is tried again
 * with a new picture; a refused password goes back to the admin (the portal account is wrong).
 */
export function passwordLogin(declaration: PasswordLoginDeclaration): LoginStep {
  const login = async (context: RunContext) => {
    const run = context as Run;
    const credentials = run.request.credentials;
    if (!credentials) {
      throw new ValueRejectedError('未配置该门户的登录账号', [
        { fieldId: 'credentials', message: '未配置该门户的登录账号' },
      ]);
    }
    const loggedIn = async () =>
      onPortal(run) && (await locatorOf(run.page, declaration.loggedIn).first().isVisible());
    // A kept session is tried on the portal's home page first: one page instead of the login's redirects
    // through the unified login. A session the portal has since dropped shows no 退出 there: log in anew.
    if (run.resumedSession && run.page.url() === 'about:blank') {
      await goto(run, '/');
      if (await loggedIn()) return;
    }
    await goto(run, declaration.path);
    // An earlier try may have logged in (single sign-on) before the portal failed to answer: done already.
    if (await loggedIn()) return;
    // Image CAPTCHAs are retried here with a new picture; a slider retries inside solveSlider.
    const attempts = declaration.captcha?.kind === 'image' ? run.settings.captchaAttempts : 1;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const timeout = run.settings.findTimeoutMs;
      await textControl(await findOne(run.page, declaration.username, timeout, '用户名')).fill(
        credentials.username,
      );
      const password = await findOne(run.page, declaration.password, timeout, '密码');
      run.mask(password);
      await textControl(password).fill(credentials.password);
      const captcha = declaration.captcha;
      if (captcha?.kind === 'image') {
        const answer = await captchaAnswer(run, captcha, attempt === attempts);
        await textControl(await findOne(run.page, captcha.input, timeout, '验证码')).fill(answer);
      } else if (captcha?.kind === 'slider') {
        await solveSlider(run, captcha);
      }
      await clickAndLoad(run, await findOne(run.page, declaration.submit, timeout, '登录按钮'));
      if (await loggedIn()) return;
      const refused = await messageBeside(run, declaration.password);
      if (refused)
        throw new ValueRejectedError(`门户拒绝登录：${refused}`, [
          { fieldId: 'credentials', message: refused },
        ]);
      const captchaRefused =
        declaration.captcha?.kind === 'image' ? await messageBeside(run, declaration.captcha.input) : '';
      if (!captchaRefused) throw new PortalChangedError('登录后没有回到门户，也没有提示原因');
    }
    if (run.trouble().length > 0) throw new PortalUnavailableError('登录时门户返回服务器错误');
    throw new PersonNeededError('图形验证码多次未通过，请人工登录或稍后重试', 'captcha');
  };
  return Object.assign(login, {
    ...(declaration.captcha?.kind === 'image' ? { imageCaptchaStyle: declaration.captcha.style } : {}),
    keptSessionLogsIn: true,
  });
}

export interface FormLoginDeclaration {
  path: string;
  /** Each box of the login form and the item's field that fills it (tax: 纳税人识别号 ← login.taxpayerId). */
  fields: { field: string; find: Find }[];
  submit: Find;
  loggedIn: Find;
}

/**
 * A login by the item's own data instead of an account (the tax bureau's 新办纳税人 login): refusals beside a
 * box go back to the clerk on that field; "not shared yet" (inter-agency sync lag) means try again later.
 */
export function formLogin(declaration: FormLoginDeclaration): LoginStep {
  return async (context: RunContext) => {
    const run = context as Run;
    await goto(run, declaration.path);
    const timeout = run.settings.findTimeoutMs;
    const boxes = [];
    for (const { field, find } of declaration.fields) {
      const box = await findOne(run.page, find, timeout, field);
      const value = String(run.values[field] ?? '');
      if (isPersonalField(field) || run.secrets.covers(field, value)) run.mask(box);
      await textControl(box).fill(value);
      boxes.push({ field, find });
    }
    await clickAndLoad(run, await findOne(run.page, declaration.submit, timeout, '登录按钮'));
    if (await locatorOf(run.page, declaration.loggedIn).first().isVisible()) return;
    const refusals = [];
    for (const { field, find } of boxes) {
      const message = await messageBeside(run, find);
      if (message) refusals.push({ fieldId: field, message });
    }
    const lagging = refusals.find((r) => run.saysNotNow(r.message));
    if (lagging) throw new PortalUnavailableError(`门户暂不可用：${lagging.message}`);
    if (refusals.length > 0) {
      throw new ValueRejectedError(`门户拒绝登录：${refusals.map((r) => r.message).join('；')}`, refusals);
    }
    throw new PortalChangedError('登录后没有进入门户，也没有提示原因');
  };
}
