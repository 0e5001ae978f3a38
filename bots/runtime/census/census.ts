import type { Frame, Page } from 'playwright-core';
import { waitFor } from '../locate.ts';
import { monthKind, teleportedOptions } from './popups.ts';
import { SCAN_SOURCE } from './scan.ts';
import type { CensusField, PageCensus } from './types.ts';

export interface CensusOptions {
  /** How long an opened list may take to load its options (ms). Default 2000. */
  openTimeoutMs?: number;
}

/** Choice widgets whose options may only load once a person opens them. */
const OPENS = new Set(['div-select', 'layui-select', 'region-cascade', 'layui-region', 'tree-select']);

type Scanned = Omit<PageCensus, 'uploads'> & { fields: (CensusField & { name?: string | null })[] };

const scan = async (scope: Page | Frame): Promise<Scanned> => (await scope.evaluate(SCAN_SOURCE)) as Scanned;

/** Drops what the page leaves null (absent names and placeholders) so a census reads as plain data. */
const tidy = (field: Scanned['fields'][number]): CensusField =>
  Object.fromEntries(
    Object.entries(field).filter(([, value]) => value !== null && value !== undefined),
  ) as CensusField;

/**
 * Lists what a person can fill on the page now shown (or in a frame of it). Choice widgets that show no
 * options are opened, as a person opens them, so a list the portal loads on demand is counted, then closed
 * with Escape; so are a component library's teleported lists, and its date boxes, to tell a month picker
 * from a day picker (popups.ts). Nothing is typed, chosen, uploaded or submitted.
 */
export async function censusOf(scope: Page | Frame, options: CensusOptions = {}): Promise<PageCensus> {
  const openTimeoutMs = options.openTimeoutMs ?? 2000;
  const page = 'page' in scope ? scope.page() : scope;
  let found = await scan(scope);
  for (const [i, field] of found.fields.entries()) {
    if (!OPENS.has(field.kind) || field.options.length > 0) continue;
    const box = scope
      .locator(`[data-yijian-census="${i}"]`)
      .locator('input[readonly], .layui-select-title input')
      .filter({ visible: true })
      .first();
    if ((await box.count()) === 0) continue;
    await box.click({ timeout: openTimeoutMs }).catch(() => {});
    const loaded = await waitFor(async () => {
      const again = await scan(scope);
      return (again.fields[i]?.options.length ?? 0) > 0 ? again : undefined;
    }, openTimeoutMs);
    if (loaded) found = loaded;
    await page.keyboard.press('Escape').catch(() => {});
  }
  // Lists and panels a component library teleports to <body> are opened one by one and read there.
  for (const [i, field] of found.fields.entries()) {
    if (field.options.length === 0)
      field.options = (await teleportedOptions(scope, i, field.kind, openTimeoutMs)) ?? [];
    field.kind = (await monthKind(scope, i, field.kind, openTimeoutMs)) ?? field.kind;
  }
  const fields = found.fields.map(tidy);
  return {
    url: found.url,
    headings: found.headings,
    fields,
    buttons: found.buttons,
    notices: found.notices.map((n) => (n.agree ? n : { title: n.title })),
    uploads: fields.filter((f) => /upload/.test(f.kind)).map((f) => f.label),
  };
}
