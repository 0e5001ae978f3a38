import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../errors/index.ts';
import { waitFor } from '../locate.ts';
import type { RunContext, Widget } from '../types.ts';
import { asText } from '../widgets/common.ts';
import type { LibraryBoxes } from './library-boxes.ts';

/** What a component library's notice differs in: its dialog's markup and how its text is read to the end. */
export interface NoticeMarkup {
  /** The widget's kind (`layui-notice`). */
  kind: string;
  boxes: Pick<LibraryBoxes, 'boxOf' | 'isTicked' | 'click'>;
  /** The dialog the box opens: the last one shown. */
  dialog(run: RunContext): Locator;
  /** How long the dialog may take to appear after the click. */
  openMs(run: RunContext): number;
  /** The dialog as the message names it when none appeared, with its selector. */
  missing: string;
  /** The dialog as the other messages name it ('layer 对话框'). */
  name: string;
  /** Brings the text to its end as a person reads it; throws a PortalChangedError when it cannot. */
  readToEnd(run: RunContext, dialog: Locator): Promise<void>;
  /** The button reading `accept`, or without one the dialog's confirm button (`confirm`, its selector). */
  button(dialog: Locator, accept: string | undefined): Locator;
  confirm: string;
  /** Gives the click the find budget rather than the action timeout. */
  clickWithinFind?: boolean;
}

/**
 * A notice signed by ticking its box: the box opens a dialog with the text, which is read to its end and
 * confirmed (`accept`, or the dialog's confirm button); the box is then ticked.
 */
export const libraryNotice =
  (markup: NoticeMarkup) =>
  (agree: string, accept: string | undefined): Widget => {
    const { boxes, name } = markup;
    // A name that starts in Latin letters is set off by a space after 确认, as elsewhere in the messages.
    const confirmed = /^[A-Za-z]/.test(name) ? ` ${name}` : name;
    return {
      kind: markup.kind,
      async fill(run, field, value) {
        const box = await boxes.boxOf(run, field, agree);
        if (asText(value) !== '1' || box.checked) return;
        await boxes.click(field, 'checkbox', box);
        const dialog = markup.dialog(run);
        const opened = await waitFor(
          async () => ((await dialog.count()) > 0 ? true : undefined),
          markup.openMs(run),
        );
        if (!opened) throw new PortalChangedError(`勾选“${agree}”后没有弹出 ${markup.missing}`);
        await markup.readToEnd(run, dialog);
        const button = markup.button(dialog, accept);
        if ((await button.count()) === 0) {
          throw new PortalChangedError(
            `${name}中没有${accept ? `“${accept}”按钮` : `确认按钮（${markup.confirm}）`}`,
          );
        }
        await button
          .first()
          .click(markup.clickWithinFind ? { timeout: run.settings.findTimeoutMs } : undefined);
        const ticked = await waitFor(
          async () => ((await boxes.isTicked(run, field, agree)) ? true : undefined),
          run.settings.findTimeoutMs,
        );
        if (!ticked) throw new PortalChangedError(`确认${confirmed}后“${agree}”仍未勾选`);
      },
      read: async (run, field) => ((await boxes.isTicked(run, field, agree)) ? '1' : '0'),
      expected: (value) => asText(value),
    };
  };
