import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../../errors/index.ts';
import { turnWheel } from '../../bounded.ts';
import { waitFor } from '../../locate.ts';
import type { RunContext } from '../../types.ts';
import { libraryNotice } from '../library-notice.ts';
import { boxes } from './boxes.ts';

/** Scrolls the modal's text to its end as a person reads it (the portal may keep 确定 disabled till then). */
async function scrollToEnd(run: RunContext, modal: Locator): Promise<boolean | undefined> {
  const body = modal.locator('.ant-modal-body');
  await body.hover();
  return waitFor(
    async () => {
      const end = await body.evaluate((root) =>
        [root, ...root.querySelectorAll('*')].every(
          (el) =>
            el.scrollHeight <= el.clientHeight + 4 || el.scrollTop + el.clientHeight >= el.scrollHeight - 4,
        ),
      );
      if (end) return true;
      await turnWheel(run, 400);
      return undefined;
    },
    run.settings.navigationTimeoutMs,
    60,
  );
}

/** A button's text as antd shows it: a two-character one gets a space between (确 定, 同 意). */
const spacedText = (text: string) =>
  new RegExp(`^\\s*${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);

/**
 * A notice whose box opens an a-modal over the form with the text, read to its end and confirmed (`accept`,
 * or the modal's primary button).
 */
export const notice = libraryNotice({
  kind: 'antdv-notice',
  boxes,
  dialog: (run) => run.page.getByRole('dialog').filter({ visible: true }).locator('.ant-modal').last(),
  // The modal is the page's answer to the click (Vue renders it, antd animates it in), not markup that is
  // already there, so it gets the find budget rather than FIT_MS: a busy machine took over 2 s once.
  openMs: (run) => run.settings.findTimeoutMs,
  missing: 'Ant Design Vue 对话框（[role=dialog] .ant-modal）',
  name: '对话框',
  async readToEnd(run, modal) {
    if (!(await scrollToEnd(run, modal)))
      throw new PortalChangedError('对话框的内容无法滚动到末尾（.ant-modal-body）');
  },
  button: (modal, accept) => {
    const footer = modal.locator('.ant-modal-footer button');
    return accept
      ? footer.filter({ hasText: spacedText(accept) })
      : footer.and(modal.locator('.ant-btn-primary'));
  },
  confirm: '.ant-btn-primary',
  clickWithinFind: true,
});
