import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../../errors/index.ts';
import type { RunContext, Widget } from '../../types.ts';
import { asList, asText, labelFor, type OptionLabels, tap } from '../../widgets/common.ts';
import { fits } from './dom.ts';

interface Box {
  label: string;
  checked: boolean;
  index: number;
}

const WRAPPER = {
  checkbox: 'label.ant-checkbox-wrapper:has(input.ant-checkbox-input)',
  radio: 'label:is(.ant-radio-wrapper, .ant-radio-button-wrapper):has(input[type=radio])',
} as const;

/** The wrappers of a field with the text a person reads beside each box and its state. */
async function boxes(run: RunContext, field: Locator, type: 'checkbox' | 'radio'): Promise<Box[]> {
  await fits(run, field, WRAPPER[type], type === 'checkbox' ? '复选框' : '单选框');
  return field.locator(WRAPPER[type]).evaluateAll((wrappers) =>
    wrappers.map((wrapper, index) => ({
      // The text is the wrapper's last <span>; the first holds the box itself.
      label: (wrapper.querySelector(':scope > span:last-child')?.textContent ?? '').trim(),
      checked: (wrapper.querySelector('input') as HTMLInputElement | null)?.checked ?? false,
      index,
    })),
  );
}

export const clickBox = (field: Locator, type: 'checkbox' | 'radio', box: Box) =>
  tap(field.locator(WRAPPER[type]).nth(box.index));

async function tickExactly(run: RunContext, field: Locator, type: 'checkbox' | 'radio', wanted: Set<string>) {
  const states = await boxes(run, field, type);
  const missing = [...wanted].filter((label) => !states.some((state) => state.label === label));
  if (missing.length) {
    throw new PortalChangedError(
      `Ant Design Vue ${type === 'radio' ? '单' : '多'}选项中没有“${missing.join('、')}”`,
    );
  }
  for (const state of states) {
    if (state.checked !== wanted.has(state.label) && (type === 'checkbox' || !state.checked)) {
      await clickBox(field, type, state);
    }
  }
}

const checkedLabels = async (run: RunContext, field: Locator, type: 'checkbox' | 'radio') =>
  (await boxes(run, field, type))
    .filter((box) => box.checked)
    .map((box) => box.label)
    .join('、');

const sortedJoin = (text: string) => text.split('、').filter(Boolean).sort().join('、');

export const checkboxes = (options: OptionLabels | undefined): Widget => ({
  kind: 'antdv-checkboxes',
  fill: (run, field, value) =>
    tickExactly(run, field, 'checkbox', new Set(asList(value).map((wire) => labelFor(options, wire)))),
  read: (run, field) => checkedLabels(run, field, 'checkbox'),
  expected: (value) =>
    asList(value)
      .map((wire) => labelFor(options, wire))
      .join('、'),
  same: (onPage, expected) => sortedJoin(onPage) === sortedJoin(expected),
});

export const radio = (options: OptionLabels | undefined): Widget => ({
  kind: 'antdv-radio',
  fill: (run, field, value) => tickExactly(run, field, 'radio', new Set([labelFor(options, asText(value))])),
  read: (run, field) => checkedLabels(run, field, 'radio'),
  expected: (value) => labelFor(options, asText(value)),
});

export async function boxOf(run: RunContext, field: Locator, label: string): Promise<Box> {
  const box = (await boxes(run, field, 'checkbox')).find((state) => state.label === label);
  if (!box) throw new PortalChangedError(`Ant Design Vue 复选框中没有“${label}”`);
  return box;
}

export const isTicked = async (run: RunContext, field: Locator, label: string) =>
  (await boxOf(run, field, label)).checked;

export const checkbox = (label: string): Widget => ({
  kind: 'antdv-checkbox',
  async fill(run, field, value) {
    const box = await boxOf(run, field, label);
    if (box.checked !== (asText(value) === '1')) await clickBox(field, 'checkbox', box);
  },
  read: async (run, field) => ((await isTicked(run, field, label)) ? '1' : '0'),
  expected: (value) => asText(value),
});
