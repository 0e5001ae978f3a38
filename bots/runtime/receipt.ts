import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../errors/index.ts';
import type { EarlierLookup } from './earlier.ts';
import { findOne, locatorOf } from './locate.ts';
import { clickAndLoad, goto } from './navigate.ts';
import type { Run } from './run.ts';
import type { QueryDeclaration, ReceiptDeclaration } from './types.ts';
import { textControl } from './widgets/common.ts';

export interface ReadReceipt {
  receipt: Record<string, string>;
  outputs: Record<string, unknown>;
  awaitingResult: boolean;
}

const textOf = async (locator: Locator) => ((await locator.innerText()) ?? '').trim();

/** Reads the receipt page that is open: its number and every output it shows. */
export async function readReceipt(run: Run, declaration: ReceiptDeclaration): Promise<ReadReceipt> {
  const timeout = run.settings.findTimeoutMs;
  await findOne(run.page, declaration.ready, timeout, '回执页面');
  const reference = await textOf(await findOne(run.page, declaration.reference, timeout, '办件编号'));
  if (!reference) throw new PortalChangedError('回执上没有办件编号');
  const shown: Record<string, string> = {};
  for (const [id, find] of Object.entries(declaration.outputs)) {
    const cell = locatorOf(run.page, find);
    if ((await cell.count()) === 1) shown[id] = await textOf(cell);
  }
  const outputs: Record<string, unknown> = { ...shown };
  for (const [id, column] of Object.entries(declaration.listOutputs ?? {})) {
    const table = tableWithColumn(run, column);
    if ((await table.count()) !== 1) throw new PortalChangedError(`回执上没有“${column}”列表`);
    outputs[id] = (await readTable(table)).map((row) => row.cells[column] ?? '');
  }
  return {
    receipt: { reference, ...shown },
    outputs,
    awaitingResult: declaration.awaiting?.(shown) ?? false,
  };
}

const tableWithColumn = (run: Run, header: string) =>
  run.page
    .getByRole('table')
    .filter({ has: run.page.getByRole('columnheader', { name: header, exact: true }) });

/** A table as a person reads it: each body row by its column headers. */
async function readTable(table: Locator): Promise<{ cells: Record<string, string>; row: Locator }[]> {
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
  const rows = table.locator('xpath=./tbody/tr');
  const out: { cells: Record<string, string>; row: Locator }[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    const texts = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    if (texts.length !== headers.length) continue; // "暂无办件记录" spans the whole table
    out.push({ cells: Object.fromEntries(headers.map((h, j) => [h, texts[j] ?? ''])), row });
  }
  return out;
}

/** Whether a row was filed at or after `since` (a minute's slack for clocks); true when unknown. */
function filedSince(
  cells: Record<string, string>,
  query: QueryDeclaration,
  since: Date | undefined,
): boolean {
  if (!since || !query.submittedColumn) return true;
  const shown = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(cells[query.submittedColumn] ?? '');
  if (!shown) return true;
  const filed = Date.parse(`${shown[1]}T${shown[2]}+08:00`);
  return filed >= since.getTime() - 60_000;
}

/**
 * 办件查询: searches the portal's own list of this account's submissions and, when an earlier submission of
 * this item is there, opens its receipt. Undefined when there is none.
 */
export async function findEarlier(
  run: Run,
  { query, receipt, marker, markerText }: EarlierLookup,
  by?: { reference?: string; since?: Date },
): Promise<ReadReceipt | undefined> {
  const timeout = run.settings.findTimeoutMs;
  await goto(run, query.path);
  const box = await findOne(
    run.page,
    by?.reference ? query.byReference : query.search.find,
    timeout,
    '查询条件',
  );
  const reference = by?.reference;
  await textControl(box).fill(reference ?? query.search.value(run.values, run.request));
  await clickAndLoad(run, await findOne(run.page, query.button, timeout, '查询按钮'));
  const table = tableWithColumn(run, query.tableHeader);
  if ((await table.count()) !== 1) throw new PortalChangedError(`办件查询页面没有“${query.tableHeader}”列表`);
  const match = reference
    ? (cells: Record<string, string>) => Object.values(cells).includes(reference)
    : (cells: Record<string, string>) =>
        query.matches(cells, run.values) &&
        filedSince(cells, query, by?.since) &&
        // With a marker, only the row that carries this application's marker is its filing.
        (!marker || !markerText || (cells[marker.column] ?? '').includes(markerText));
  const earlier = (await readTable(table)).find((row) => match(row.cells));
  if (!earlier) return undefined;
  await clickAndLoad(run, await findOne(earlier.row, query.open, timeout, '查看回执'));
  return readReceipt(run, receipt);
}
