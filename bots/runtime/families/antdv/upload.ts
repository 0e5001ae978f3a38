import type { Locator } from 'playwright-core';
import { PortalUnavailableError, ValueRejectedError } from '../../../errors/index.ts';
import type { AttachedDocument } from '../../../item-runner.ts';
import { waitFor } from '../../locate.ts';
import type { RunContext, Widget } from '../../types.ts';
import { attachedDocument, filePayload } from '../../widgets/attached-file.ts';
import { fits, TRIES } from './dom.ts';

const documentOf = attachedDocument;

async function handOver(run: RunContext, field: Locator, document: AttachedDocument): Promise<void> {
  const input = await fits(run, field, '.ant-upload input[type=file]', '上传（.ant-upload 的文件框）');
  await input.setInputFiles(await filePayload(document));
}

/** The name of the file the list shows as uploaded ('' when none or when it failed). */
async function shownFile(field: Locator): Promise<string> {
  const done = field.locator('.ant-upload-list-item-done .ant-upload-list-item-name');
  return (await done.count()) > 0 ? ((await done.last().textContent()) ?? '').trim() : '';
}

/** Waits for the list to show the file or the portal's complaint; a busy answer is handed over again. */
async function settleUpload(run: RunContext, field: Locator, document: AttachedDocument): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await waitFor(async () => {
      const complaint = (await field.getByRole('alert').allInnerTexts()).join('').trim();
      if (complaint) return { complaint };
      if ((await field.locator('.ant-upload-list-item-error').count()) > 0) return { complaint: '上传失败' };
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
  kind: 'antdv-upload',
  async fill(run, field, value) {
    const document = documentOf(run, value);
    if ((await shownFile(field)) === document.fileName) return;
    await handOver(run, field, document);
    return () => settleUpload(run, field, document);
  },
  read: (_run, field) => shownFile(field),
  expected: (value, run) => documentOf(run, value).fileName,
});
