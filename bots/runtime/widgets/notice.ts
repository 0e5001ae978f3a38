import { PortalChangedError } from '../../errors/index.ts';
import { turnWheel } from '../bounded.ts';
import { waitFor } from '../locate.ts';
import type { Widget } from '../types.ts';
import { asText, tick } from './common.ts';

/**
 * A 告知书/承诺书 that must be read to its end before its agree box enables. The field is the notice's body
 * (found after its title); the bot scrolls it with the mouse wheel, as a person does, until the box enables
 * (after the end is reached, or after the reading time some portals count down). `accept` names the button of
 * a library's dialog that signs it (see bots/runtime/families); a native notice has none.
 */
export const readAndAccept = (agree: string, accept?: string): Widget => ({
  kind: 'notice',
  spec: { kind: 'notice', agree, accept },
  async fill(run, field, value) {
    if (asText(value) !== '1') return;
    const box = run.page.getByLabel(agree, { exact: true });
    if (await box.isChecked()) return;
    await field.hover();
    const enabled = await waitFor(
      async () => {
        if (await box.isEnabled()) return true;
        await turnWheel(run, 600);
        return undefined;
      },
      // Some portals also keep the box disabled for a reading time; that is what a person waits for too.
      run.settings.navigationTimeoutMs,
      100,
    );
    if (!enabled) throw new PortalChangedError(`滚动到末尾后“${agree}”仍不可勾选`);
    await tick(box);
  },
  read: async (run) => ((await run.page.getByLabel(agree, { exact: true }).isChecked()) ? '1' : '0'),
  expected: (value) => asText(value),
});
