import type { Locator } from 'playwright-core';
import type { RunContext, Widget } from '../types.ts';
import { asText, labelFor, type OptionLabels, textControl, tick } from './common.ts';

/** A native text input or textarea. */
export const text = (): Widget => ({
  kind: 'text',
  async fill(_run, field, value) {
    await textControl(field).fill(asText(value));
  },
  read: (_run, field) => textControl(field).inputValue(),
  expected: (value) => asText(value),
});

/**
 * A readonly box the page fills itself from other choices (经营范围 text, 行业 from the 主营 item): nothing to
 * type, but the read-back proves the page computed what the application says.
 */
export const derived = (): Widget => ({
  kind: 'derived',
  derived: true,
  async fill() {},
  read: (_run, field) => textControl(field).inputValue(),
  expected: (value) => asText(value),
});

/** One checkbox with its own label (使用标准公司章程); wire `1`/`0`. */
export const checkbox = (label: string): Widget => ({
  kind: 'checkbox',
  spec: { kind: 'checkbox', label },
  async fill(_run, field, value) {
    await tick(field.getByLabel(label, { exact: true }), asText(value) === '1');
  },
  read: async (_run, field) => ((await field.getByLabel(label, { exact: true }).isChecked()) ? '1' : '0'),
  expected: (value) => asText(value),
});

async function selectedText(select: Locator): Promise<string> {
  return select.evaluate((element) => {
    const box = element as HTMLSelectElement;
    return box.selectedIndex >= 0 ? (box.options[box.selectedIndex]?.text.trim() ?? '') : '';
  });
}

/** A native <select>; the option is chosen by the label a person reads. */
export const nativeSelect = (options?: OptionLabels): Widget => ({
  kind: 'native-select',
  async fill(_run, field, value) {
    await field.getByRole('combobox').selectOption({ label: labelFor(options, asText(value)) });
  },
  read: (_run: RunContext, field) => selectedText(field.getByRole('combobox')),
  expected: (value) => labelFor(options, asText(value)),
});
