import type { Locator } from 'playwright-core';
import { PortalUnavailableError, ValueRejectedError } from '../../errors/index.ts';
import type { AttachedDocument } from '../../item-runner.ts';
import { waitFor } from '../locate.ts';
import type { RunContext, Widget } from '../types.ts';
import { attachedDocument, filePayload } from '../widgets/attached-file.ts';
import { fits, TRIES } from './layui-dom.ts';

// ——— layui.upload ———

const documentOf = attachedDocument;

async function handOver(run: RunContext, field: Locator, document: AttachedDocument): Promise<void> {
  const input = await fits(run, field, 'input.layui-upload-file', '上传（upload.render 生成的文件框）');
  await input.first().setInputFiles(await filePayload(document));
}

/** What the slot shows of its file: the upload list's text without the size. */
async function shownFile(field: Locator): Promise<string> {
  const list = field.locator('.layui-upload-list');
  const text = (await list.count()) > 0 ? await list.first().textContent() : await field.textContent();
  return (text ?? '').replace(/（[^）]*）\s*$/, '').trim();
}

/** Waits for the slot to show the file or the portal's complaint; a busy answer is handed over again. */
async function settleUpload(run: RunContext, field: Locator, document: AttachedDocument): Promise<void> {
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

export const upload = (): Widget => ({
  kind: 'layui-upload',
  async fill(run, field, value) {
    const document = documentOf(run, value);
    if ((await shownFile(field)) === document.fileName) return;
    await handOver(run, field, document);
    return () => settleUpload(run, field, document);
  },
  read: (_run, field) => shownFile(field),
  expected: (value, run) => documentOf(run, value).fileName,
});
