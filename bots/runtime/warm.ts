import { PersonNeededError } from '../errors/index.ts';
import type { ItemRunIo, WarmOutcome, WarmRequest } from '../item-runner.ts';
import type { ExecuteDeps } from './execute.ts';
import { loginOnly } from './login-only.ts';
import { sessionAccount } from './portal-sessions.ts';
import type { PortalDeclaration } from './types.ts';

/**
 * A warm log-in: logs in to a portal before an item's filing and keeps the session for it (PortalSessions), so the filing
 * opens its form at once. Only for password accounts (a tax login needs the company's new credit code). It is
 * the login alone, as the filing's own 登录 step would do it but without retries, step screenshots or a trace:
 * nothing is typed into any form, and a warm-up that fails (a busy portal, a CAPTCHA the reader cannot read —
 * nobody is asked) only means the filing logs in itself, with all of those.
 */
export async function warmSession(
  deps: ExecuteDeps,
  declaration: PortalDeclaration,
  request: WarmRequest,
  signal: AbortSignal,
): Promise<WarmOutcome> {
  const { sessions } = deps;
  if (!sessions || declaration.login.keptSessionLogsIn !== true) return 'skipped';
  const account = sessionAccount(request);
  if (sessions.has(account)) return 'kept';
  const lease = await deps.pool.acquire();
  const { context } = lease;
  let crashed = false;
  const stop = () => void context.close().catch(() => {});
  try {
    // Given up while it waited for a browser context (a busy pool): the filing may be under way by now.
    if (signal.aborted) return 'skipped';
    signal.addEventListener('abort', stop, { once: true });
    context.setDefaultTimeout(deps.settings.actionTimeoutMs);
    context.setDefaultNavigationTimeout(deps.settings.navigationTimeoutMs);
    const page = await context.newPage();
    page.on('crash', () => {
      crashed = true;
    });
    const io: ItemRunIo = {
      signal,
      tracePath: '',
      step: async () => {},
      beforeFinalSubmit: () => Promise.reject(new Error('a warm-up never submits')),
      askPerson: () => Promise.reject(new PersonNeededError('提前登录不请窗口人员协助', 'captcha')),
    };
    const filesNothing = { ...request, applicationRef: '', values: {}, documents: {}, reconcile: false };
    await loginOnly(page, filesNothing, io, deps, declaration);
    sessions.giveBack(account, await context.storageState());
    return 'logged-in';
  } finally {
    signal.removeEventListener('abort', stop);
    await lease.release(crashed);
  }
}
