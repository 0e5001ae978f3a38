import { sleep } from '../../lib/net.ts';
import type { EarlierLookup } from './earlier.ts';
import { goto } from './navigate.ts';
import { findEarlier, type ReadReceipt, readReceipt } from './receipt.ts';
import type { Run } from './run.ts';
import { runStep } from './step-runner.ts';

/**
 * Pause between two looks at an item's page while its decision is awaited: a person watching for 秒批 presses
 * F5 about this often, and a government portal is not to be asked more.
 */
const DECISION_POLL_MS = 1_000;

/**
 * 秒批: watches the filed item's page in 办件查询 for up to `awaitDecisionMs`, reloading it as a person at the
 * window presses F5, and gives what the department decided. Undefined when it has not decided by then or the
 * portal was in the way: the item is filed either way, and the queue's follow-ups take over.
 */
export async function awaitDecision(
  run: Run,
  declaration: EarlierLookup,
  filed: ReadReceipt,
): Promise<ReadReceipt | undefined> {
  if (run.settings.awaitDecisionMs <= 0) return undefined;
  const until = Date.now() + run.settings.awaitDecisionMs;
  const lookUp = () => findEarlier(run, declaration, { reference: filed.receipt.reference });
  try {
    return await runStep(run, '等待审核结果', async () => {
      // The receipt shown now answers the final post (reloading it would post again): open the item in 办件查询.
      let lookedAt = Date.now();
      let shown = await lookUp();
      while (!shown || shown.awaitingResult) {
        // A second from the start of one look to the next, not from its end (a look through 办件查询 takes longer).
        const nextLook = Math.max(lookedAt + DECISION_POLL_MS, Date.now());
        if (nextLook >= until || run.io.signal.aborted) return undefined;
        await sleep(nextLook - Date.now());
        lookedAt = Date.now();
        if (shown && run.documentMethod() === 'GET') {
          const address = new URL(run.page.url());
          await goto(run, `${address.pathname}${address.search}`);
          shown = await readReceipt(run, declaration.receipt);
        } else shown = await lookUp();
      }
      return shown;
    });
  } catch (error) {
    // Given up on by the queue: say so. Anything else only ends the wait (the item is filed).
    if (run.io.signal.aborted) throw error;
    return undefined;
  }
}
