import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../errors/index.ts';
import type { Widget } from '../types.ts';
import { asList, asText, labelFor, type OptionLabels, tick } from './common.ts';

/** Labels of the checked radios or checkboxes in a field, in page order. */
function checkedLabels(field: Locator, type: 'radio' | 'checkbox'): Promise<string[]> {
  return field.evaluate((root, kind) => {
    const boxes = [...root.querySelectorAll<HTMLInputElement>(`input[type=${kind}]`)];
    return boxes
      .filter((box) => box.checked)
      .map((box) => {
        // The wrapping label is the option's own; a form label may point at the first option too.
        const own = box.closest('label') ?? box.labels?.[box.labels.length - 1];
        return (own?.textContent ?? box.getAttribute('aria-label') ?? '').trim();
      });
  }, type);
}

/** A radio group; the option is picked by the text beside it (男, 是, 邮寄送达). */
export const radio = (options?: OptionLabels): Widget => ({
  kind: 'radio',
  spec: { kind: 'radio', options },
  async fill(run, field, value) {
    const label = labelFor(options, asText(value));
    // By label rather than role: the form's own label may point at the first option and join its name.
    const choice = field.getByLabel(label, { exact: true });
    try {
      await choice.waitFor({ state: 'attached', timeout: run.settings.findTimeoutMs });
    } catch {
      throw new PortalChangedError(`单选项中没有“${label}”`);
    }
    await tick(choice);
  },
  read: async (_run, field) => (await checkedLabels(field, 'radio')).join('、'),
  expected: (value) => labelFor(options, asText(value)),
});

const sortedJoin = (text: string) => text.split('、').filter(Boolean).sort().join('、');

/** A checkbox group (职务/角色, 参保险种): exactly the wanted boxes end up ticked. */
export const checkboxes = (options?: OptionLabels): Widget => ({
  kind: 'checkboxes',
  spec: { kind: 'checkboxes', options },
  async fill(_run, field, value) {
    const wanted = new Set(asList(value).map((wire) => labelFor(options, wire)));
    // One look at the whole group, then a click only where a box must change.
    const states = await field.evaluate((root) =>
      [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((box) => ({
        label: ((box.closest('label') ?? box.labels?.[0])?.textContent ?? '').trim(),
        checked: box.checked,
      })),
    );
    const missing = [...wanted].filter((label) => !states.some((state) => state.label === label));
    if (missing.length) throw new PortalChangedError(`多选项中没有“${missing.join('、')}”`);
    for (const state of states) {
      if (state.checked !== wanted.has(state.label)) {
        await tick(field.getByLabel(state.label, { exact: true }), wanted.has(state.label));
      }
    }
  },
  read: async (_run, field) => (await checkedLabels(field, 'checkbox')).join('、'),
  expected: (value) =>
    asList(value)
      .map((wire) => labelFor(options, wire))
      .join('、'),
  same: (onPage, expected) => sortedJoin(onPage) === sortedJoin(expected),
});
