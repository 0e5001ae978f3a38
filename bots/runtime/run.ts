import type { Locator, Page } from 'playwright-core';
import { ValueRejectedError } from '../errors/index.ts';
import type {
  AttachedDocument,
  FieldComparison,
  ItemRunIo,
  ItemRunRequest,
  ScreenshotMasking,
} from '../item-runner.ts';
import { answeredWithin } from './bounded.ts';
import type { CaptchaReader, RunnerSettings } from './options.ts';
import { Secrets } from './secrets.ts';
import { coverSensitiveText, sensitiveTexts } from './text-mask.ts';
import type { PortalDeclaration, RunContext, Values } from './types.ts';

/** The words of the login page a dropped session is sent back to. */
const SESSION_EXPIRED_TEXT = '登录已超时';

/**
 * Texts by which every portal says "not now" rather than "no": the busy page, and an expired session (the run
 * starts again, reconciling with 办件查询 before it submits). A portal's own such words are in its declaration.
 */
const COMMON_UNAVAILABLE_TEXTS = ['系统繁忙', '服务暂不可用', '请稍后再试', SESSION_EXPIRED_TEXT];

/** "Not now" that another try in a moment will not fix (the session ended): the run goes back to the queue. */
const COMMON_NOT_LOCAL_TEXTS = [SESSION_EXPIRED_TEXT];

/** A declaration's own "not now" words (see PortalDeclaration). */
export type NotNowTexts = Pick<PortalDeclaration, 'unavailableTexts' | 'notLocalTexts'>;

/** One run of one item in one browser context: what the runtime and the declaration share. */
export class Run implements RunContext {
  readonly comparison: FieldComparison[] = [];
  #masks: Locator[] = [];
  /** Server errors answered to any request of the document now shown. */
  #trouble: string[] = [];
  #brokenAssets: string[] = [];
  #documentMethod = 'GET';
  #dialogs: string[] = [];
  #smsRefusals = 0;
  #lastSmsRefusal = '';

  constructor(
    readonly page: Page,
    readonly request: ItemRunRequest,
    readonly io: ItemRunIo,
    readonly settings: RunnerSettings,
    readonly readCaptcha: CaptchaReader | undefined,
    /** The context started with a kept logged-in session (the login step first checks whether it still holds). */
    readonly resumedSession = false,
    /** What must never be shown in full: masked in screenshots and read-backs, cut from the trace. */
    readonly secrets: Secrets = Secrets.of(request),
    /** The portal's own "not now" words, besides the common ones. */
    readonly portalTexts: NotNowTexts = {},
  ) {
    // A person reads an alert() and presses 确定; the message may explain a refusal, so keep it.
    page.on('dialog', (dialog) => {
      this.#dialogs.push(dialog.message());
      dialog.accept().catch(() => {});
    });
    // Server errors belong to the document they broke: a new page starts with none.
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) {
        this.#trouble = [];
        this.#brokenAssets = [];
      }
    });
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame())
        this.#documentMethod = request.method();
    });
    page.on('response', (response) => {
      if (response.status() >= 500) {
        const path = new URL(response.url()).pathname;
        this.#trouble.push(`${response.status()} ${path}`);
        // A page whose script, style sheet or framed form failed looks and works wrong (a CAPTCHA out of
        // place, a button that does nothing, a busy page where the form should be): a person reloads it.
        const request = response.request();
        const type = request.resourceType();
        const frameDocument = type === 'document' && request.frame() !== page.mainFrame();
        if (type === 'script' || type === 'stylesheet' || frameDocument)
          this.#brokenAssets.push(`${response.status()} ${path}`);
      }
    });
  }

  /** Whether `text` says "not now" rather than "no" (a busy page, a sync lag, an ended session). */
  saysNotNow(text: string): boolean {
    const own = [...(this.portalTexts.unavailableTexts ?? []), ...(this.portalTexts.notLocalTexts ?? [])];
    return [...COMMON_UNAVAILABLE_TEXTS, ...own].some((phrase) => text.includes(phrase));
  }

  /** Whether `text` says "not now" in a way only time fixes: retried by the queue, not at once. */
  notLocal(text: string): boolean {
    const own = this.portalTexts.notLocalTexts ?? [];
    return [...COMMON_NOT_LOCAL_TEXTS, ...own].some((phrase) => text.includes(phrase));
  }

  get values(): Values {
    return this.request.values;
  }

  url(path: string): string {
    return new URL(path, this.request.baseUrl).toString();
  }

  mask(locator: Locator): void {
    this.#masks.push(locator);
  }

  document(id: string): AttachedDocument {
    const document = this.request.documents[id];
    if (!document) throw new ValueRejectedError(`缺少上传材料“${id}”`, []);
    return document;
  }

  /** Starts a new step: masks and alert() messages belong to the step that met them. */
  beginStep(): void {
    this.#masks = [];
    this.#dialogs = [];
  }

  /** Counts a refused SMS code (with the portal's reason); returns how many this run has met. */
  noteSmsRefusal(reason = ''): number {
    this.#smsRefusals += 1;
    this.#lastSmsRefusal = reason;
    return this.#smsRefusals;
  }

  /** The portal's reason for the last refused SMS code, or undefined before any was refused. */
  lastSmsRefusal(): string | undefined {
    return this.#smsRefusals ? this.#lastSmsRefusal : undefined;
  }

  dialogs(): readonly string[] {
    return this.#dialogs;
  }

  trouble(): readonly string[] {
    return this.#trouble;
  }

  /** After the portal answered again (a retried request succeeded), earlier errors explain nothing later. */
  /** Scripts, style sheets and frames of the page now shown that the portal failed to serve. */
  brokenAssets(): readonly string[] {
    return this.#brokenAssets;
  }

  /** How the document now shown was fetched: reloading it is only safe when it was a GET. */
  documentMethod(): string {
    return this.#documentMethod;
  }

  clearTrouble(): void {
    this.#trouble = [];
  }

  /**
   * A screenshot of the whole page (or of what the window shows: `viewport`) with every personal field covered
   * by a solid box, and every place showing a sensitive value of the run by its text (a receipt, a dialog over
   * the form, a summary): `masking` says where those were.
   */
  async screenshot(picture: StepPicture = 'page'): Promise<{ image: Buffer; masking: ScreenshotMasking }> {
    const fullPage = this.settings.fullPageScreenshots && picture === 'page';
    const password = this.page.locator('input[type=password]');
    // Playwright draws the boxes where the fields are in the viewport; a full-page screenshot of a page left
    // scrolled down then showed them a scroll's height away from the fields (ID numbers in plain sight, boxes
    // over the footer). From the top, viewport and page positions are the same.
    // 'instant': a page with smooth scrolling would still be on its way up when the screenshot is taken.
    if (fullPage)
      // A page that is navigating away has nothing to scroll; one that does not answer is left as it is.
      await answeredWithin(
        this,
        this.page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' })),
        '滚动',
      ).catch(() => {});
    const texts = sensitiveTexts(this.values, this.secrets);
    const byText = await coverSensitiveText(this.page, texts, MASK_COLOR, fullPage);
    try {
      const image = await this.page.screenshot({
        // JPEG: encoding a full-page PNG took about half of a screenshot's CPU, and with five contexts on two
        // cores that CPU is what the other runs wait for. A form stays legible at this quality.
        type: 'jpeg',
        quality: SCREENSHOT_QUALITY,
        fullPage,
        mask: [...this.#masks, password],
        maskColor: MASK_COLOR,
        animations: 'disabled',
        caret: 'hide',
        timeout: this.settings.actionTimeoutMs,
      });
      return { image, masking: byText.masking };
    } finally {
      // Taking the boxes away again is part of what masking by text costs.
      const clearing = performance.now();
      await byText.clear();
      byText.masking.searchMs += performance.now() - clearing;
    }
  }
}

const SCREENSHOT_QUALITY = 80;

/**
 * How much of the page a step's screenshot shows. `viewport` is for a step that only arrives on a page the next
 * step's screenshot shows whole once it is filled (打开申请): the window shows that it opened, and a screenshot of it costs
 * about half of a whole page (a full-page capture lays the page out again at its full height).
 */
export type StepPicture = 'page' | 'viewport';

/** The colour of the boxes over personal data in screenshots (tests look for it). */
export const MASK_COLOR = '#FF00FF';
