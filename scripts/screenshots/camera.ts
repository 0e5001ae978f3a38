import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Device, Person, Stage } from './stage.ts';

/** The longest picture of one page, in CSS px: long pages are cut here (the top is what tells). */
const MAX_HEIGHT: Record<Device, number> = { desktop: 2400, phone: 3600 };

export interface ShotOptions {
  /** Only the viewport, not the whole page. */
  viewportOnly?: boolean;
  /** Only this element (CSS selector). */
  element?: string;
  /** Done on the page before the picture (open a fold, scroll to a part). */
  before?: (page: Page) => Promise<void>;
}

/**
 * Writes `web-<name>[-phone].png` into `out` and remembers it: the whole page up to MAX_HEIGHT, once the
 * page is loaded and its fonts and pictures are in.
 */
export class Camera {
  readonly written: string[] = [];

  constructor(
    private readonly stage: Stage,
    private readonly out: string,
  ) {}

  async shoot(page: Page, name: string, device: Device, options: ShotOptions = {}): Promise<void> {
    const file = `web-${name}${device === 'phone' ? '-phone' : ''}.png`;
    const path = join(this.out, file);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await options.before?.(page);
    if (options.element) {
      await page.locator(options.element).first().screenshot({ path });
    } else if (options.viewportOnly) {
      await page.screenshot({ path });
    } else {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const width = page.viewportSize()?.width ?? 1280;
      const cap = MAX_HEIGHT[device];
      await page.screenshot({
        path,
        fullPage: true,
        ...(height > cap ? { clip: { x: 0, y: 0, width, height: cap } } : {}),
      });
    }
    this.written.push(file);
    process.stdout.write(`${file}\n`);
  }

  /** `person` opens `path` on a desktop and on a phone; both pictures are taken. */
  async both(person: Person, path: string, name: string, options: ShotOptions = {}): Promise<void> {
    for (const device of ['desktop', 'phone'] as const) {
      const page = await this.stage.page(person, device);
      await page.goto(`${this.stage.base}${path}`);
      await this.shoot(page, name, device, options);
    }
  }
}
