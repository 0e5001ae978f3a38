import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import type { AttachedDocument, StepRecord } from '../../../bots/item-runner.ts';
import { BrowserPool } from '../../../bots/runtime/browser-pool.ts';
import { type RunnerSettings, resolveRunnerOptions } from '../../../bots/runtime/options.ts';
import { Run } from '../../../bots/runtime/run.ts';

/** The local pages' origin; every request to it is answered by the test (nothing leaves the browser). */
export const LOCAL_ORIGIN = 'http://127.0.0.1:9';

/** What a local site answers at LOCAL_ORIGIN; anything else is a 404. */
export interface LocalSite {
  /** HTML by path ('/form'). */
  pages: Record<string, string>;
  /** Folders of built files by the path prefix the page asks for ('/vue/' → vue's dist, see `packageFolder`). */
  libs?: Record<string, string>;
  /** JSON by path, from the request's URL (a department's list: `() => later(1200, BRANCHES)`). */
  json?: Record<string, (url: URL) => unknown>;
}

/** A folder of an installed npm package: `packageFolder('vue', 'dist')`. */
export function packageFolder(name: string, sub = ''): string {
  return join(dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), sub);
}

/** Layui's built files, so the local pages run the real widgets offline. */
export const LAYUI_FILES = { '/layui/': packageFolder('layui', 'dist') };

/** `value` after `ms`, as a slow department's API answers. */
export async function later<T>(ms: number, value: T): Promise<T> {
  await sleep(ms);
  return value;
}

/** The `serve` of `openLocalPage` for a site: its pages, the libraries' real files offline, its JSON. */
export function serveSite(site: LocalSite): (page: Page) => Promise<void> {
  return async (page) => {
    await page.route(`${LOCAL_ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      const path = url.pathname;
      const html = site.pages[path];
      if (html !== undefined) return route.fulfill({ contentType: 'text/html', body: html });
      const lib = Object.entries(site.libs ?? {}).find(([prefix]) => path.startsWith(prefix));
      if (lib) {
        const file = join(lib[1], path.slice(lib[0].length));
        const type = file.endsWith('.css')
          ? 'text/css'
          : file.endsWith('.js')
            ? 'application/javascript'
            : undefined;
        return route.fulfill({ body: await readFile(file), ...(type ? { contentType: type } : {}) });
      }
      const answer = site.json?.[path];
      if (answer) return route.fulfill({ json: await answer(url) });
      return route.fulfill({ status: 404, body: '' });
    });
  };
}

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

/**
 * A run of an item on a local page, for filling steps: no person to ask, steps kept only by `step`. Its
 * settings are the defaults with `findTimeoutMs` (2 s unless given), or `settings` whole.
 */
export function localRun(
  page: Page,
  options: {
    values: Record<string, unknown>;
    documents?: Record<string, AttachedDocument>;
    findTimeoutMs?: number;
    settings?: RunnerSettings;
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
    options.settings ?? resolveRunnerOptions({ findTimeoutMs: options.findTimeoutMs ?? 2000 }),
    undefined,
  );
}
