import type { Locator } from 'playwright-core';
import { PortalChangedError, PortalUnavailableError, ValueRejectedError } from '../../errors/index.ts';
import type { AttachedDocument } from '../../item-runner.ts';
import { waitFor } from '../locate.ts';
import type { RunContext, Widget } from '../types.ts';
import { attachedDocument, filePayload } from '../widgets/attached-file.ts';
import { asText } from '../widgets/common.ts';
import { boxOf, clickBox, FIT_MS, fits, TRIES } from './tdesign-dom.ts';

const documentOf = attachedDocument;

/** The file input t-upload keeps hidden behind its 选择文件 button. */
async function handOver(run: RunContext, field: Locator, document: AttachedDocument): Promise<void> {
  const input = await fits(run, field, '.t-upload input[type=file]', '上传（.t-upload 的文件框）');
  await input.first().setInputFiles(await filePayload(document));
}

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

/** Waits for the upload to show the file or the portal's complaint; a busy answer is handed over again. */
async function settle(run: RunContext, field: Locator, document: AttachedDocument): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await waitFor(async () => {
      const complaint = (await field.getByRole('alert').allInnerTexts()).join('').trim();
      if (complaint) return { complaint };
      return (await shownFile(field)) === document.fileName ? { complaint: '' } : undefined;
    }, run.settings.navigationTimeoutMs);
    if (!outcome) throw new PortalUnavailableError(`上传“${document.fileName}”后门户长时间无响应`);
    if (!outcome.complaint) {
      if (attempt > 1) run.clearTrouble();
      return;
    }
    const busy = run.saysNotNow(outcome.complaint);
    if (!busy) throw new ValueRejectedError(outcome.complaint, []);
    if (attempt >= TRIES) throw new PortalUnavailableError(outcome.complaint);
    await handOver(run, field, document);
  }
}

export const tdesignUpload = (): Widget => ({
  kind: 'tdesign-upload',
  async fill(run, field, value) {
    const document = documentOf(run, value);
    if ((await shownFile(field)) === document.fileName) return;
    await handOver(run, field, document);
    return () => settle(run, field, document);
  },
  read: (_run, field) => shownFile(field),
  expected: (value, run) => documentOf(run, value).fileName,
});

/**
 * A notice signed by ticking its box: the box opens a t-dialog (teleported to <body>, over the still-filled
 * form) with the text, which is confirmed by `accept` or the dialog's confirm button; the box is then ticked.
 */
export const tdesignNotice = (agree: string, accept: string | undefined): Widget => ({
  kind: 'tdesign-notice',
  async fill(run, field, value) {
    const box = await boxOf(run, field, agree);
    if (asText(value) !== '1' || box.checked) return;
    await clickBox(field, 'checkbox', box);
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
      async () => ((await boxOf(run, field, agree)).checked ? true : undefined),
      run.settings.findTimeoutMs,
    );
    if (!ticked) throw new PortalChangedError(`确认 TDesign 对话框后“${agree}”仍未勾选`);
  },
  read: async (run, field) => ((await boxOf(run, field, agree)).checked ? '1' : '0'),
  expected: (value) => asText(value),
});
