import type { Locator } from 'playwright-core';
import { tap } from '../widgets/common.ts';
import { fits } from './layui-dom.ts';
import { type BoxType, libraryBoxes } from './library-boxes.ts';

const SKIN = { checkbox: 'layui-form-checkbox', radio: 'layui-form-radio' } as const;

/**
 * layui's checkbox and radio skins: `form.render()` hides each input and draws its skin right after it, and
 * the skin takes the clicks.
 */
export const boxes = libraryBoxes({
  family: 'layui',
  library: 'layui',
  async boxes(run, field, type) {
    await fits(run, field, `input[type=${type}] + .${SKIN[type]}`, type === 'checkbox' ? '复选框' : '单选框');
    return field.evaluate(
      (root, [kind, skinClass]) =>
        [...root.querySelectorAll<HTMLInputElement>(`input[type=${kind}]`)].map((box, index) => {
          const next = box.nextElementSibling;
          // The skin's text sits in its <div>; its <i> may hold an icon glyph.
          const text = next?.classList.contains(skinClass)
            ? next.querySelector(':scope > div')?.textContent
            : null;
          return { label: (text ?? box.title ?? '').trim(), checked: box.checked, index };
        }),
      [type, SKIN[type]] as const,
    );
  },
  click: (field: Locator, type: BoxType, box) =>
    tap(field.locator(`input[type=${type}]`).nth(box.index).locator(`xpath=following-sibling::*[1]`)),
});
