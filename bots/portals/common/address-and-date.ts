import { findRegionInAddress } from '../../../forms/codes/index.ts';
import type { Binding, Values } from '../../runtime/types.ts';
import { datePicker, regionCascade, text } from '../../runtime/widgets/index.ts';
import { label } from './standard-pages.ts';

/** Today in China (UTC+8) as yyyy-MM-dd: the day a department's form is signed (申请日期, 申报日期). */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A day picker labelled `text` that the bot fills with today's date, which the item's form does not carry. */
export const todayPicker = (field: string, text: string): Binding => ({
  field,
  find: label(text),
  widget: datePicker({ wire: 'yyyy-MM-dd', shown: 'yyyy-MM-dd' }),
  value: chinaToday,
});

/**
 * An address the item holds in one line (`element`) that a department's form asks in two parts: 省/市/区
 * chosen in a cascader (`<element>.region`, labelled `labels.region`) and the rest typed (`<element>.detail`).
 */
export function splitAddress(element: string, labels: { region: string; detail: string }): Binding[] {
  const parts = (values: Values) => {
    const line = values[element];
    return findRegionInAddress(typeof line === 'string' ? line : '');
  };
  return [
    {
      field: `${element}.region`,
      find: label(labels.region),
      widget: regionCascade(),
      value: (values) => parts(values)?.region.code,
    },
    {
      field: `${element}.detail`,
      find: label(labels.detail),
      widget: text(),
      value: (values) => parts(values)?.rest,
    },
  ];
}
