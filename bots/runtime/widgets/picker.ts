import { PortalChangedError, ValueRejectedError } from '../../errors/index.ts';
import type { Widget } from '../types.ts';
import { tick } from './common.ts';

export interface PickerOptions {
  /** The button that opens the picker (选择经营范围). */
  open: string;
  /** The dialog's title. */
  dialog: string;
  /** The search box's placeholder, when the list can be searched. */
  search?: string;
  confirm: string;
  /** Name shown for an item code (from the national list the portal uses). */
  nameOf(code: string): string | undefined;
  /** Accessible name of the 主营 radio in a chosen row, when the picker has one. */
  mainFlag?: string;
}

interface PickedRow {
  code: string;
  main: boolean;
}

const rowsOf = (value: unknown): PickedRow[] =>
  Array.isArray(value)
    ? value.map((row) => ({
        code: String((row as { code?: unknown }).code ?? ''),
        main: String((row as { main?: unknown }).main ?? '0') === '1',
      }))
    : [];

/**
 * A modal list picker (经营范围): open the dialog, search each item by name, tick it, confirm; then flag the
 * main item in the chosen table. The chosen table reads back as "name(主营)；name；…".
 */
export const modalPicker = (options: PickerOptions): Widget => {
  const nameOf = (code: string) => {
    const name = options.nameOf(code);
    if (!name) throw new ValueRejectedError(`条目代码“${code}”不在目录中`, []);
    return name;
  };
  const describe = (rows: PickedRow[]) =>
    rows.map((row) => `${nameOf(row.code)}${row.main && options.mainFlag ? '(主营)' : ''}`).join('；');
  return {
    kind: 'modal-picker',
    async fill(run, field, value) {
      const rows = rowsOf(value);
      const page = run.page;
      await field.getByRole('button', { name: options.open, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: options.dialog, exact: true });
      await dialog.waitFor({ state: 'visible', timeout: run.settings.findTimeoutMs });
      for (const row of rows) {
        const name = nameOf(row.code);
        if (options.search) await dialog.getByPlaceholder(options.search).fill(name);
        const item = dialog.locator('label').filter({ has: page.getByText(name, { exact: true }) });
        try {
          await item.waitFor({ state: 'visible', timeout: run.settings.findTimeoutMs });
        } catch {
          throw new PortalChangedError(`“${options.dialog}”中找不到“${name}”`);
        }
        await tick(item.getByRole('checkbox'));
      }
      await dialog.getByRole('button', { name: options.confirm, exact: true }).click();
      await dialog.waitFor({ state: 'hidden', timeout: run.settings.actionTimeoutMs });
      const main = rows.find((row) => row.main);
      if (main && options.mainFlag) {
        const chosen = field
          .getByRole('row')
          .filter({ has: page.getByText(nameOf(main.code), { exact: true }) });
        await tick(chosen.getByRole('radio', { name: options.mainFlag, exact: true }));
      }
    },
    async read(_run, field) {
      return field.evaluate((root, flag) => {
        const rows = [...root.querySelectorAll('tbody tr')];
        return rows
          .map((tr) => {
            const cells = [...tr.querySelectorAll('td')];
            const name = cells[1]?.textContent?.trim() ?? '';
            const main = flag
              ? tr.querySelector<HTMLInputElement>(`input[aria-label="${flag}"]`)?.checked
              : false;
            return `${name}${main ? '(主营)' : ''}`;
          })
          .join('；');
      }, options.mainFlag ?? '');
    },
    expected: (value) => describe(rowsOf(value)),
    same: (onPage, expected) =>
      onPage.split('；').sort().join('；') === expected.split('；').sort().join('；'),
  };
};
