import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../errors/index.ts';
import { waitFor } from '../locate.ts';
import type { Widget } from '../types.ts';
import { asText } from '../widgets/common.ts';
import { FIT_MS, TRIES } from './library-dom.ts';
import { libraryUpload } from './library-upload.ts';
import { boxes, fits } from './tdesign-dom.ts';

/**
 * The name t-upload shows once its file went through (`.t-upload__single-name`, or a file list's
 * `.t-upload__file-name`); empty while it still shows progress (`.t-upload__single-percent`, `.t-loading`).
 */
async function shownFile(field: Locator): Promise<string> {
  const upload = field.locator('.t-upload').first();
  if ((await upload.locator('.t-upload__single-percent, .t-loading').count()) > 0) return '';
  const name = upload.locator('.t-upload__single-name, .t-upload__file-name');
  return (await name.count()) > 0 ? ((await name.first().textContent()) ?? '').trim() : '';
}

/** t-upload keeps its file input hidden behind its 选择文件 button. */
export const tdesignUpload = (): Widget =>
  libraryUpload({
    kind: 'tdesign-upload',
    fileInput: (run, field) => fits(run, field, '.t-upload input[type=file]', '上传（.t-upload 的文件框）'),
    shownFile,
    tries: TRIES,
  });

/**
 * A notice signed by ticking its box: the box opens a t-dialog (teleported to <body>, over the still-filled
 * form) with the text, which is confirmed by `accept` or the dialog's confirm button; the box is then ticked.
 */
export const tdesignNotice = (agree: string, accept: string | undefined): Widget => ({
  kind: 'tdesign-notice',
  async fill(run, field, value) {
    const box = await boxes.boxOf(run, field, agree);
    if (asText(value) !== '1' || box.checked) return;
    await boxes.click(field, 'checkbox', box);
    const dialog = run.page.locator('.t-dialog').filter({ visible: true }).last();
    const opened = await waitFor(
      async () => ((await dialog.count()) > 0 ? true : undefined),
      Math.min(FIT_MS, run.settings.findTimeoutMs),
    );
    if (!opened) throw new PortalChangedError(`勾选“${agree}”后没有弹出 TDesign 对话框（.t-dialog）`);
    const body = dialog.locator('.t-dialog__body');
    if ((await body.count()) > 0) await body.first().evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const button = accept
      ? dialog.locator('.t-dialog__footer button').filter({ hasText: accept })
      : dialog.locator('.t-dialog__confirm');
    if ((await button.count()) === 0)
      throw new PortalChangedError(
        `TDesign 对话框中没有${accept ? `“${accept}”按钮` : '确认按钮（.t-dialog__confirm）'}`,
      );
    await button.first().click();
    const ticked = await waitFor(
      async () => ((await boxes.isTicked(run, field, agree)) ? true : undefined),
      run.settings.findTimeoutMs,
    );
    if (!ticked) throw new PortalChangedError(`确认 TDesign 对话框后“${agree}”仍未勾选`);
  },
  read: async (run, field) => ((await boxes.isTicked(run, field, agree)) ? '1' : '0'),
  expected: (value) => asText(value),
});
