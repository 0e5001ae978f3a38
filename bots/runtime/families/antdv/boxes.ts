import type { Locator } from 'playwright-core';
import { tap } from '../../widgets/common.ts';
import { type BoxType, libraryBoxes } from '../library-boxes.ts';
import { fits } from './dom.ts';

const WRAPPER = {
  checkbox: 'label.ant-checkbox-wrapper:has(input.ant-checkbox-input)',
  radio: 'label:is(.ant-radio-wrapper, .ant-radio-button-wrapper):has(input[type=radio])',
} as const;

/** Ant Design Vue's checkboxes and radios: a wrapper <label> holds the box and the text a person reads. */
export const boxes = libraryBoxes({
  family: 'antdv',
  library: 'Ant Design Vue',
  async boxes(run, field, type) {
    await fits(run, field, WRAPPER[type], type === 'checkbox' ? '复选框' : '单选框');
    return field.locator(WRAPPER[type]).evaluateAll((wrappers) =>
      wrappers.map((wrapper, index) => ({
        // The text is the wrapper's last <span>; the first holds the box itself.
        label: (wrapper.querySelector(':scope > span:last-child')?.textContent ?? '').trim(),
        checked: (wrapper.querySelector('input') as HTMLInputElement | null)?.checked ?? false,
        index,
      })),
    );
  },
  click: (field: Locator, type: BoxType, box) => tap(field.locator(WRAPPER[type]).nth(box.index)),
});
