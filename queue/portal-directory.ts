import type { SealedBox } from '../lib/sealed-box.ts';
import type { Db } from '../store/db.ts';
import { portalCredentials } from '../store/portal-credentials.repo.ts';
import { portalSettings } from '../store/portal-settings.repo.ts';
import type { PortalDirectory } from './plan-source.ts';

export class PortalNotConfiguredError extends Error {
  override readonly name = 'PortalNotConfiguredError';
  readonly code = 'PORTAL_NOT_CONFIGURED';
}

/**
 * Where the bots find each department and which account they use: an admin's base URL from the portal
 * settings when set (a real system), otherwise the sandbox portal's address; the password is unsealed only
 * here, right before a run needs it, and never cached.
 */
export function createPortalDirectory(options: {
  db: Db;
  box: SealedBox;
  /** Addresses of the sandbox portals on this installation, by portal id. */
  sandboxUrls: Readonly<Record<string, string>>;
}): PortalDirectory {
  return {
    async baseUrl(portalId) {
      const configured = (await portalSettings.get(options.db, portalId))?.baseUrl;
      const url = configured ?? options.sandboxUrls[portalId];
      if (!url) throw new PortalNotConfiguredError(`门户 ${portalId} 没有配置地址`);
      return url;
    },
    credentials: (portalId) => portalCredentials.reveal(options.db, options.box, portalId),
  };
}
