import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AttachedDocument, StepRecord } from '../../../bots/item-runner.ts';
import { BrowserPool } from '../../../bots/runtime/browser-pool.ts';
import { resolveRunnerOptions } from '../../../bots/runtime/options.ts';
import { Run } from '../../../bots/runtime/run.ts';

/** The local pages' origin; every request to it is answered by the test (nothing leaves the browser). */
export const LOCAL_ORIGIN = 'http://127.0.0.1:9';

export interface LocalPage {
  page: Page;
  /** A licence photo to upload (a few JPEG bytes), when one was asked for; otherwise none. */
  documents: Record<string, AttachedDocument>;
  close(): Promise<void>;
}

/**
 * A page in real Chromium whose requests to LOCAL_ORIGIN `serve` answers, for testing widgets on pages the
 * test writes itself. With `licenceFolder`, a small licence JPEG waits in a temporary folder of that name.
 */
export async function openLocalPage(
  serve: (page: Page) => Promise<void>,
  licenceFolder?: string,
): Promise<LocalPage> {
  const pool = new BrowserPool({ size: 1, recycleAfterRuns: 10 });
  const cleanUps: (() => Promise<unknown>)[] = [() => pool.close()];
  const close = async () => {
    for (const cleanUp of cleanUps.reverse()) await cleanUp();
  };
  try {
    const lease = await pool.acquire();
    cleanUps.push(() => lease.release());
    const page = await lease.context.newPage();
    await serve(page);
    const documents: Record<string, AttachedDocument> = {};
    if (licenceFolder) {
      const folder = await mkdtemp(join(tmpdir(), `yijian-${licenceFolder}-`));
      cleanUps.push(() => rm(folder, { recursive: true, force: true }));
      await writeFile(join(folder, 'licence'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
      documents.licence = { path: join(folder, 'licence'), fileName: 'licence.jpg', mimeType: 'image/jpeg' };
    }
    return { page, documents, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A run of an item on a local page, for filling steps: no person to ask, steps kept only by `step`. */
export function localRun(
  page: Page,
  options: {
    values: Record<string, unknown>;
    documents?: Record<string, AttachedDocument>;
    findTimeoutMs?: number;
    step?: (record: StepRecord) => Promise<void>;
  },
): Run {
  return new Run(
    page,
    {
      applicationId: 'a',
      applicationRef: 'r',
      itemId: 'x',
      portalId: 'p',
      baseUrl: `${LOCAL_ORIGIN}/`,
      values: options.values,
      documents: options.documents ?? {},
      reconcile: false,
    },
    {
      signal: new AbortController().signal,
      tracePath: '',
      step: options.step ?? (async () => {}),
      beforeFinalSubmit: async () => {},
      askPerson: async () => '',
    },
    resolveRunnerOptions({ findTimeoutMs: options.findTimeoutMs ?? 2000 }),
    undefined,
  );
}
