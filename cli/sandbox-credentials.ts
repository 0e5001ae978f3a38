import type { SealedBox } from '../lib/sealed-box.ts';
import { PORTAL_DEFINITIONS } from '../sandbox/catalog.ts';
import { UNIFIED_LOGIN_ACCOUNTS } from '../sandbox/unified-login/portal.ts';
import type { Db } from '../store/db.ts';
import { portalCredentials } from '../store/portal-credentials.repo.ts';

/**
 * The demo gives the bots the sandbox portals' own accounts (market regulation signs in through the unified
 * login). Only portals without credentials get them, so an admin's change is never overwritten. Tax logs in
 * with the company's own identifiers and needs none.
 */
export async function seedSandboxCredentials(db: Db, box: SealedBox): Promise<string[]> {
  const existing = new Set((await portalCredentials.list(db, box)).map((c) => c.portalId));
  const seeded: string[] = [];
  for (const definition of PORTAL_DEFINITIONS) {
    if (!definition.item || existing.has(definition.id)) continue;
    const account =
      definition.id === 'market-regulation' ? UNIFIED_LOGIN_ACCOUNTS[0] : definition.accounts[0];
    if (!account) continue;
    await portalCredentials.set(db, box, definition.id, account.username, account.password, 'demo');
    seeded.push(definition.id);
  }
  return seeded;
}
