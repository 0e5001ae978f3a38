import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../../errors/index.ts';
import { turnWheel } from '../../bounded.ts';
import { waitFor } from '../../locate.ts';
import type { RunContext, Widget } from '../../types.ts';
import { asText } from '../../widgets/common.ts';
import { boxes } from './boxes.ts';

/** Scrolls the modal's text to its end as a person reads it (the portal may keep 确定 disabled till then). */
async function readToEnd(run: RunContext, modal: Locator): Promise<boolean | undefined> {
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
 * A notice signed by ticking its box: the box opens an a-modal over the form with the text, which is read
 * to its end and confirmed (`accept`, or the modal's primary button); the box is then ticked.
 */
export const notice = (agree: string, accept: string | undefined): Widget => ({
  kind: 'antdv-notice',
  async fill(run, field, value) {
    const box = await boxes.boxOf(run, field, agree);
    if (asText(value) !== '1' || box.checked) return;
    await boxes.click(field, 'checkbox', box);
    const modal = run.page.getByRole('dialog').filter({ visible: true }).locator('.ant-modal').last();
    // The modal is the page's answer to the click (Vue renders it, antd animates it in), not markup that is
    // already there, so it gets the find budget rather than FIT_MS: a busy machine took over 2 s once.
    const opened = await waitFor(
      async () => ((await modal.count()) > 0 ? true : undefined),
      run.settings.findTimeoutMs,
    );
    if (!opened)
      throw new PortalChangedError(
        `勾选“${agree}”后没有弹出 Ant Design Vue 对话框（[role=dialog] .ant-modal）`,
      );
    if (!(await readToEnd(run, modal)))
      throw new PortalChangedError('对话框的内容无法滚动到末尾（.ant-modal-body）');
    const footer = modal.locator('.ant-modal-footer button');
    const button = accept
      ? footer.filter({ hasText: spacedText(accept) })
      : footer.and(modal.locator('.ant-btn-primary'));
    if ((await button.count()) === 0) {
      throw new PortalChangedError(
        `对话框中没有${accept ? `“${accept}”按钮` : '确认按钮（.ant-btn-primary）'}`,
      );
    }
    await button.first().click({ timeout: run.settings.findTimeoutMs });
    const ticked = await waitFor(
      async () => ((await boxes.isTicked(run, field, agree)) ? true : undefined),
      run.settings.findTimeoutMs,
    );
    if (!ticked) throw new PortalChangedError(`确认对话框后“${agree}”仍未勾选`);
  },
  read: async (run, field) => ((await boxes.isTicked(run, field, agree)) ? '1' : '0'),
  expected: (value) => asText(value),
});
