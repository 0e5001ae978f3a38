import type { Locator } from 'playwright-core';
import type { Widget } from '../types.ts';
import { FIT_MS, TRIES } from './library-dom.ts';
import { libraryNotice } from './library-notice.ts';
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
 * A notice whose box opens a t-dialog (teleported to <body>, over the still-filled form) with the text,
 * confirmed by `accept` or the dialog's confirm button.
 */
export const tdesignNotice = libraryNotice({
  kind: 'tdesign-notice',
  boxes,
  dialog: (run) => run.page.locator('.t-dialog').filter({ visible: true }).last(),
  openMs: (run) => Math.min(FIT_MS, run.settings.findTimeoutMs),
  missing: 'TDesign 对话框（.t-dialog）',
  name: 'TDesign 对话框',
  async readToEnd(_run, dialog) {
    const body = dialog.locator('.t-dialog__body');
    if ((await body.count()) > 0) await body.first().evaluate((el) => el.scrollTo(0, el.scrollHeight));
  },
  button: (dialog, accept) =>
    accept
      ? dialog.locator('.t-dialog__footer button').filter({ hasText: accept })
      : dialog.locator('.t-dialog__confirm'),
  confirm: '.t-dialog__confirm',
});
