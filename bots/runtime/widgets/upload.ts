import type { Locator } from 'playwright-core';
import { PortalChangedError, PortalUnavailableError, ValueRejectedError } from '../../errors/index.ts';
import type { AttachedDocument } from '../../item-runner.ts';
import { waitFor } from '../locate.ts';
import type { RunContext, Widget } from '../types.ts';
import { documentIdOf, filePayload } from './attached-file.ts';

/** Clicks the slot's button and hands the document to the file chooser it opens. */
async function choose(run: RunContext, field: Locator, document: AttachedDocument, button: string) {
  const chooser = run.page.waitForEvent('filechooser', { timeout: run.settings.actionTimeoutMs });
  await field.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles(await filePayload(document));
}

/**
 * Waits for the slot to show the file (or the portal's complaint). A busy answer is tried again, as a person
 * clicks 点击上传 once more; any other complaint is the applicant's file (wrong type, too large).
 */
async function settle(run: RunContext, field: Locator, document: AttachedDocument, button: string) {
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await waitFor(async () => {
      const complaint = (await field.getByRole('alert').allInnerTexts()).join('').trim();
      if (complaint) return { complaint };
      return (await field.innerText()).includes(document.fileName) ? { complaint: '' } : undefined;
    }, run.settings.navigationTimeoutMs);
    if (!outcome) throw new PortalUnavailableError(`上传“${document.fileName}”后门户长时间无响应`);
    if (!outcome.complaint) {
      if (attempt > 1) run.clearTrouble();
      return;
    }
    const busy = run.saysNotNow(outcome.complaint);
    if (!busy) throw new ValueRejectedError(outcome.complaint, []);
    if (attempt >= 3) throw new PortalUnavailableError(outcome.complaint);
    await choose(run, field, document, button);
  }
}

/**
 * An upload slot: the person clicks the slot's button, picks the file in the chooser, and the slot shows
 * the file's name (or the portal's complaint: wrong type, too large) once the upload finished. The wait for
 * that answer is left to the filler (a Settle): the upload runs while the next fields are typed.
 */
export const upload = (button = '点击上传'): Widget => ({
  kind: 'upload',
  spec: { kind: 'upload', button },
  async fill(run, field, value) {
    const document = run.document(documentIdOf(value));
    if ((await field.innerText()).includes(document.fileName)) return;
    await choose(run, field, document, button);
    return () => settle(run, field, document, button);
  },
  async read(_run, field) {
    // The slot shows the uploaded file beside its button: "name.jpg（18KB）".
    const shown = field
      .getByRole('button', { name: button, exact: true })
      .locator('xpath=following-sibling::*[1]');
    if ((await shown.count()) === 0) return '';
    return (await shown.innerText()).replace(/（[^）]*）\s*$/, '').trim();
  },
  expected: (value, run) => {
    try {
      return run.document(documentIdOf(value)).fileName;
    } catch {
      throw new PortalChangedError('上传材料缺失');
    }
  },
  same: (onPage, expected) => onPage === expected,
});
