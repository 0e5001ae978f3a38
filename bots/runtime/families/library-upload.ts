import type { Locator } from 'playwright-core';
import { PortalUnavailableError, ValueRejectedError } from '../../errors/index.ts';
import type { AttachedDocument } from '../../item-runner.ts';
import { waitFor } from '../locate.ts';
import type { RunContext, Widget } from '../types.ts';
import { attachedDocument, filePayload } from '../widgets/attached-file.ts';

/** What a component library's upload differs in; handing over, waiting and retrying are the same for all. */
export interface LibraryUpload {
  kind: string;
  /** The library's hidden file input within the field (its fit check fails as a changed portal). */
  fileInput(run: RunContext, field: Locator): Promise<Locator>;
  /** The name the upload shows once its file went through; '' while none or still in progress. */
  shownFile(field: Locator): Promise<string>;
  /** A failure the library marks without any text (antdv's error item). */
  failedSilently?(field: Locator): Promise<boolean>;
  /** Hand-overs tried while the portal answers "not now". */
  tries: number;
}

/** An upload widget of a component library: hand the file to its input, then wait for the file or a complaint. */
export function libraryUpload(library: LibraryUpload): Widget {
  const handOver = async (run: RunContext, field: Locator, document: AttachedDocument) =>
    (await library.fileInput(run, field)).first().setInputFiles(await filePayload(document));

  async function settle(run: RunContext, field: Locator, document: AttachedDocument): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await waitFor(async () => {
        const complaint = (await field.getByRole('alert').allInnerTexts()).join('').trim();
        if (complaint) return { complaint };
        if (await library.failedSilently?.(field)) return { complaint: '上传失败' };
        return (await library.shownFile(field)) === document.fileName ? { complaint: '' } : undefined;
      }, run.settings.navigationTimeoutMs);
      if (!outcome) throw new PortalUnavailableError(`上传“${document.fileName}”后门户长时间无响应`);
      if (!outcome.complaint) {
        if (attempt > 1) run.clearTrouble();
        return;
      }
      if (!run.saysNotNow(outcome.complaint)) throw new ValueRejectedError(outcome.complaint, []);
      if (attempt >= library.tries) throw new PortalUnavailableError(outcome.complaint);
      await handOver(run, field, document);
    }
  }

  return {
    kind: library.kind,
    async fill(run, field, value) {
      const document = attachedDocument(run, value);
      if ((await library.shownFile(field)) === document.fileName) return;
      await handOver(run, field, document);
      return () => settle(run, field, document);
    },
    read: (_run, field) => library.shownFile(field),
    expected: (value, run) => attachedDocument(run, value).fileName,
  };
}
