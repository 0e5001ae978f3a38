import { PortalChangedError, PortalUnavailableError } from '../../errors/index.ts';
import { findOne, locatorOf, waitFor, waitForPortal } from '../locate.ts';
import type { Run } from '../run.ts';
import type { Find } from '../types.ts';
import { dataUrlBytes, findSliderGap } from './slider-gap.ts';

export interface SliderCaptcha {
  kind: 'slider';
  /** The draggable handle. */
  handle: Find;
  background: Find;
  piece: Find;
  /** The text shown once the piece sits in the gap. */
  passed: string;
  /** The button that draws a new puzzle (换一张), for a picture that did not load. */
  refresh?: Find;
}

async function pictureOf(run: Run, find: Find): Promise<Buffer> {
  const image = await findOne(run.page, find, run.settings.findTimeoutMs, '拼图');
  // The pictures arrive over XHR after the page; wait for the image itself.
  const src = await waitForPortal(
    run,
    async () => {
      const value = await image.getAttribute('src');
      return value?.startsWith('data:') ? value : undefined;
    },
    run.settings.navigationTimeoutMs,
  );
  if (!src) throw new PortalUnavailableError('滑块验证的图片没有加载');
  return dataUrlBytes(src);
}

/**
 * Solves a slider CAPTCHA by looking at it: find the gap in the background picture (image analysis, see
 * slider-gap.ts), then drag the handle that far with the mouse, in small steps as a hand would.
 */
export async function solveSlider(run: Run, captcha: SliderCaptcha): Promise<void> {
  const passed = locatorOf(run.page, { text: captcha.passed });
  for (let attempt = 1; attempt <= run.settings.captchaAttempts; attempt += 1) {
    let background: Buffer;
    let piece: Buffer;
    try {
      background = await pictureOf(run, captcha.background);
      piece = await pictureOf(run, captcha.piece);
    } catch (error) {
      // A puzzle that did not arrive (a busy server): ask for another, as a person presses 换一张.
      if (!(error instanceof PortalUnavailableError) || !captcha.refresh) throw error;
      if (attempt >= run.settings.captchaAttempts) throw error;
      run.clearTrouble();
      await (await findOne(run.page, captcha.refresh, run.settings.findTimeoutMs, '换一张')).click();
      continue;
    }
    const gap = await findSliderGap(background, piece);
    const handle = await findOne(run.page, captcha.handle, run.settings.findTimeoutMs, '滑块');
    const box = await handle.boundingBox();
    if (!box) throw new PortalChangedError('滑块不可见');
    const startX = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // The piece picture's outline starts one pixel in; the gap is where that edge lands.
    const distance = gap.x + 1;
    await run.page.mouse.move(startX, y);
    await run.page.mouse.down();
    for (let step = 1; step <= 10; step += 1) {
      await run.page.mouse.move(startX + (distance * step) / 10, y + (step % 2));
    }
    await run.page.mouse.move(startX + distance, y);
    await run.page.mouse.up();
    const ok = await waitFor(async () => ((await passed.count()) > 0 ? true : undefined), 1500);
    if (ok) return;
    // A miss: the portal loads a new picture; wait until the old one is gone.
    await waitFor(
      async () =>
        (await locatorOf(run.page, captcha.background).getAttribute('src')) !==
        `data:image/png;base64,${background.toString('base64')}`
          ? true
          : undefined,
      run.settings.actionTimeoutMs,
    );
  }
  // The solver finds the gap within a pixel or two on this kind of puzzle, so repeated misses point at the
  // portal (slow or failed checks, pictures replaced meanwhile), and a person cannot drag for us anyway:
  // try the run again later.
  throw new PortalUnavailableError('滑块验证多次未通过');
}
