import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PortalChangedError } from '../../../bots/errors/index.ts';
import { familyFor } from '../../../bots/runtime/families/index.ts';
import { fillStep, readBack } from '../../../bots/runtime/fill.ts';
import type { Run } from '../../../bots/runtime/run.ts';
import type { BoundField, StepField, UiFamilyName } from '../../../bots/runtime/types.ts';
import { divSelect, text } from '../../../bots/runtime/widgets/index.ts';
import {
  LOCAL_ORIGIN,
  type LocalPage,
  type LocalSite,
  later,
  localRun,
  openLocalPage,
  serveSite,
} from './local-page.ts';

/**
 * The local form page of one UI family's widget test (served at /form, with a licence to upload), open for
 * the whole `describe` that calls this. Its form has a plain read-only input labelled 行业 that only looks
 * like a select: every family's select binding must refuse it at once.
 */
export interface FamilyPage {
  readonly page: Page;
  /** Loads /form afresh (and waits for the family's `ready` markup, when given). */
  open(): Promise<void>;
  /** Fills one step of `fields` with the family's widgets, as a run with `values` does. */
  fill(
    values: Record<string, unknown>,
    fields: StepField[],
    findTimeoutMs?: number,
    run?: Run,
  ): Promise<BoundField[]>;
  /** Fills one step of `fields` with `values` and reads the page back: every field must show its value. */
  fillAndReadBack(values: Record<string, unknown>, fields: StepField[]): Promise<void>;
}

/**
 * A family's form site: the page at /form, the library's files, the branches the page asks for (answered
 * 1.2 s late, as a department's list comes), what an upload answers, and any more JSON.
 */
export interface FamilySite {
  page: string;
  libs: Record<string, string>;
  branches: unknown[];
  uploaded: unknown;
  json?: LocalSite['json'];
}

/** The two branches a family's page lists unless it needs more, by code and name. */
export const FAMILY_BRANCHES = [
  { code: 'B01', name: '漳州芗城支行' },
  { code: 'B02', name: '漳州龙文支行' },
];

function serveFamilyForm(site: FamilySite): (page: Page) => Promise<void> {
  return serveSite({
    pages: { '/form': site.page },
    libs: site.libs,
    json: {
      '/api/branches': () => later(1200, site.branches),
      '/upload': () => site.uploaded,
      ...site.json,
    },
  });
}

/**
 * `family`'s form `site` open in Chromium for the calling `describe`; `ready` is the markup that shows the
 * page's library has drawn the form.
 */
export function familyPage(family: UiFamilyName, site: FamilySite, ready?: string): FamilyPage {
  const serve = serveFamilyForm(site);
  let local: LocalPage | undefined;
  beforeAll(async () => {
    local = await openLocalPage(serve, family);
  });
  afterAll(() => local?.close());
  const opened = (): LocalPage => {
    if (!local) throw new Error('the local page is not open yet');
    return local;
  };
  const runOn = (values: Record<string, unknown>, findTimeoutMs = 2000) =>
    localRun(opened().page, { values, documents: opened().documents, findTimeoutMs });
  const fill: FamilyPage['fill'] = (
    values,
    fields,
    findTimeoutMs = 2000,
    run = runOn(values, findTimeoutMs),
  ) => fillStep(run, opened().page, { name: 't', ready: { text: 'x' }, fields }, familyFor(family));
  return {
    get page() {
      return opened().page;
    },
    open: async () => {
      await opened().page.goto(`${LOCAL_ORIGIN}/form`);
      if (ready) await opened().page.locator(ready).first().waitFor();
    },
    fill,
    fillAndReadBack: async (values, fields) => {
      const run = runOn(values);
      await readBack(run, await fill(values, fields, 2000, run));
      expect(run.comparison.filter((row) => !row.matches)).toEqual([]);
    },
  };
}

/** Fills and returns what was thrown (a test that expects the fill to fail). */
const failure = (filling: Promise<unknown>): Promise<unknown> => filling.catch((e: unknown) => e);

/**
 * A select binding on the plain input labelled 行业 fails within `withinMs`, as a changed portal whose
 * message names the field, its label and the family's locator that found nothing.
 */
export async function expectRefusedAtOnce(
  form: FamilyPage,
  withinMs: number,
  locator: string,
): Promise<void> {
  const started = Date.now();
  const error = await failure(
    form.fill(
      { industryCode: 'I65' },
      [{ field: 'industryCode', find: { label: '行业' }, widget: divSelect() }],
      5000,
    ),
  );
  expect(Date.now() - started).toBeLessThan(withinMs);
  expect(error).toBeInstanceOf(PortalChangedError);
  expect((error as Error).message).toContain('industryCode（标签“行业”）');
  expect((error as Error).message).toContain(locator);
}

/**
 * Choosing `value` in the select labelled `label` (a text field labelled `next` after it) fails as a changed
 * portal with `message`: the loaded list does not offer it.
 */
export async function expectNotOffered(
  form: FamilyPage,
  select: { field: string; label: string; value: string },
  next: string,
  message: string,
): Promise<void> {
  const error = await failure(
    form.fill(
      { [select.field]: select.value },
      [
        { field: select.field, find: { label: select.label }, widget: divSelect() },
        { field: 'n', find: { label: next }, widget: text() },
      ],
      500,
    ),
  );
  expect(error).toBeInstanceOf(PortalChangedError);
  expect((error as Error).message).toContain(message);
}

/**
 * The tests that a family's select binding fails as a changed portal: at once on the plain input labelled 行业
 * (within `refused.withinMs`, naming the family's `refused.locator`), and, given `notOffered`, when the loaded
 * list does not offer a value (the field after the select is 行业).
 */
export function itRefusesWrongSelects(
  form: FamilyPage,
  library: string,
  refused: { withinMs: number; locator: string },
  notOffered?: { field: string; label: string; value: string; message: string },
): void {
  it(`refuses a field that is not ${library} markup at once, as a changed portal naming field, label and locator`, async () => {
    await form.open();
    await expectRefusedAtOnce(form, refused.withinMs, refused.locator);
  });
  if (!notOffered) return;
  it('says so when a loaded list does not offer the value', async () => {
    await form.open();
    await expectNotOffered(form, notOffered, '行业', notOffered.message);
  });
}
