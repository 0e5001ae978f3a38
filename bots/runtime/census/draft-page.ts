import type { ItemRunRequest } from '../../item-runner.ts';
import { loginOnly } from '../login-only.ts';
import type { PortalDeclaration } from '../types.ts';
import { censusOf } from './census.ts';
import type { PageCensus } from './types.ts';
import { type CheckDeps, quietIo } from './walk.ts';

/**
 * The census of a page to draft a declaration from: opened as is, or behind a portal's login, done by the
 * declaration's own login with `request`'s account. Read-only, as every census.
 */
export async function censusOfUrl(
  deps: Pick<CheckDeps, 'pool' | 'settings' | 'readCaptcha'>,
  url: string,
  login?: { declaration: PortalDeclaration; request: ItemRunRequest },
): Promise<PageCensus> {
  const lease = await deps.pool.acquire();
  const controller = new AbortController();
  try {
    lease.context.setDefaultTimeout(deps.settings.actionTimeoutMs);
    const page = await lease.context.newPage();
    if (login) await loginOnly(page, login.request, quietIo(controller.signal), deps, login.declaration);
    await page.goto(url, { waitUntil: 'load' });
    return await censusOf(page);
  } finally {
    controller.abort();
    await lease.release();
  }
}
