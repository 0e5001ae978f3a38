import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../errors/index.ts';
import type { RunContext, UiFamilyName, Widget } from '../types.ts';
import { asList, asText, labelFor, type OptionLabels } from '../widgets/common.ts';

export type BoxType = 'checkbox' | 'radio';

/** A checkbox or radio of a field as a person sees it. */
export interface Box {
  /** The text a person reads beside it. */
  label: string;
  checked: boolean;
  /** Its place among the field's boxes of its type. */
  index: number;
}

/** What a component library's boxes differ in: their markup. Ticking and reading back are the same for all. */
export interface BoxMarkup {
  /** The family, whose name prefixes the widgets' kinds (`layui-checkboxes`). */
  family: UiFamilyName;
  /** The library's name as messages give it ('Ant Design Vue'). */
  library: string;
  /** The field's boxes of `type` in order; markup that is not the library's is a changed portal. */
  boxes(run: RunContext, field: Locator, type: BoxType): Promise<Box[]>;
  /** Clicks a box where a person does (a library may hide the input itself). */
  click(field: Locator, type: BoxType, box: Box): Promise<void>;
}

/** The box widgets of a library, and the look-ups its notices use. */
export interface LibraryBoxes {
  checkboxes(options: OptionLabels | undefined): Widget;
  radio(options: OptionLabels | undefined): Widget;
  checkbox(label: string): Widget;
  /** The checkbox reading `label`; none is a changed portal. */
  boxOf(run: RunContext, field: Locator, label: string): Promise<Box>;
  isTicked(run: RunContext, field: Locator, label: string): Promise<boolean>;
  click: BoxMarkup['click'];
}

const sortedJoin = (text: string) => text.split('、').filter(Boolean).sort().join('、');

export function libraryBoxes(markup: BoxMarkup): LibraryBoxes {
  const { family, library, boxes, click } = markup;

  /** Clicks boxes until exactly `wanted` are ticked; the boxes change at once (no server round trip). */
  async function tickExactly(run: RunContext, field: Locator, type: BoxType, wanted: Set<string>) {
    const states = await boxes(run, field, type);
    const missing = [...wanted].filter((label) => !states.some((state) => state.label === label));
    if (missing.length) {
      throw new PortalChangedError(
        `${library} ${type === 'radio' ? '单' : '多'}选项中没有“${missing.join('、')}”`,
      );
    }
    for (const state of states) {
      // A radio is only ever clicked on (choosing another clears the rest).
      if (state.checked !== wanted.has(state.label) && (type === 'checkbox' || !state.checked)) {
        await click(field, type, state);
      }
    }
  }

  const checkedLabels = async (run: RunContext, field: Locator, type: BoxType) =>
    (await boxes(run, field, type))
      .filter((box) => box.checked)
      .map((box) => box.label)
      .join('、');

  async function boxOf(run: RunContext, field: Locator, label: string): Promise<Box> {
    const box = (await boxes(run, field, 'checkbox')).find((state) => state.label === label);
    if (!box) throw new PortalChangedError(`${library} 复选框中没有“${label}”`);
    return box;
  }

  const isTicked = async (run: RunContext, field: Locator, label: string) =>
    (await boxOf(run, field, label)).checked;

  return {
    checkboxes: (options) => ({
      kind: `${family}-checkboxes`,
      fill: (run, field, value) =>
        tickExactly(run, field, 'checkbox', new Set(asList(value).map((wire) => labelFor(options, wire)))),
      read: (run, field) => checkedLabels(run, field, 'checkbox'),
      expected: (value) =>
        asList(value)
          .map((wire) => labelFor(options, wire))
          .join('、'),
      same: (onPage, expected) => sortedJoin(onPage) === sortedJoin(expected),
    }),
    radio: (options) => ({
      kind: `${family}-radio`,
      fill: (run, field, value) =>
        tickExactly(run, field, 'radio', new Set([labelFor(options, asText(value))])),
      read: (run, field) => checkedLabels(run, field, 'radio'),
      expected: (value) => labelFor(options, asText(value)),
    }),
    checkbox: (label) => ({
      kind: `${family}-checkbox`,
      async fill(run, field, value) {
        const box = await boxOf(run, field, label);
        if (box.checked !== (asText(value) === '1')) await click(field, 'checkbox', box);
      },
      read: async (run, field) => ((await isTicked(run, field, label)) ? '1' : '0'),
      expected: (value) => asText(value),
    }),
    boxOf,
    isTicked,
    click,
  };
}
