import { libraryFamily } from '../family.ts';
import { boxes } from './boxes.ts';
import { region } from './cascader.ts';
import { notice } from './notice.ts';
import { picker } from './picker.ts';
import { select } from './select.ts';
import { upload } from './upload.ts';

/**
 * Ant Design Vue (4.x) as its documentation and ARIA roles describe the rendered components:
 *   select    `.ant-select` > `.ant-select-selector` with an `input[role=combobox]` whose `aria-controls` names
 *             the `[role=listbox]` inside the `.ant-select-dropdown` teleported to <body>; the options are a
 *             virtual list of `.ant-select-item-option[title]` (only part drawn); a `show-search` select
 *             types into the combobox to filter; the chosen value shows in `.ant-select-selection-item`.
 *   cascader  `.ant-cascader` (a select) whose dropdown `.ant-cascader-dropdown` holds `.ant-cascader-menus`:
 *             one `ul.ant-cascader-menu[role=menu]` per level of `li.ant-cascader-menu-item[title]`; a lazy
 *             level appears once the item above is clicked; the path shows as "a / b / c".
 *   picker    `.ant-picker` with an <input>; the panel `.ant-picker-dropdown` is teleported to <body>, its
 *             cells `td[title="2026-12-07"]` (date) or `td[title="2026-12"]` (month), arrows
 *             `.ant-picker-header-prev-btn/-next-btn` (month) and `-super-prev-btn/-super-next-btn` (year).
 *   checkbox  `label.ant-checkbox-wrapper` > `input.ant-checkbox-input` + `<span>text</span>`; radio the same
 *             with `ant-radio-wrapper` / `ant-radio-input` (or `ant-radio-button-wrapper`).
 *   upload    `.ant-upload` > `input[type=file]` (hidden) beside the button; the list `.ant-upload-list` shows
 *             `.ant-upload-list-item-name` in an item `-done` or `-error`.
 *   modal     `.ant-modal-wrap[role=dialog]` > `.ant-modal` teleported to <body>: `.ant-modal-body`, buttons in `.ant-modal-footer`.
 * A field whose markup is not this fails within FIT_MS as PORTAL_CHANGED naming what was looked for; only
 * what the portal loads (a list's options, a cascader level, an upload's answer) is waited for as long as a
 * page, and a 5xx meanwhile is PORTAL_UNAVAILABLE.
 */

/** The Ant Design Vue family: every spec kind, the month picker included. */
export const antdvFamily = libraryFamily('antdv', {
  select,
  region,
  date: picker,
  checkboxes: boxes.checkboxes,
  radio: boxes.radio,
  checkbox: boxes.checkbox,
  upload,
  notice,
});
