import type { BrowserContextOptions } from 'playwright-core';
import type { WarmRequest } from '../item-runner.ts';

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

interface Kept {
  state: StorageState;
  keptAt: number;
}

/**
 * Whose session a run uses: the portal account, or for a portal logged into by the item's own data (tax)
 * the application, so one company's session never serves another's filing.
 */
export function sessionAccount(request: WarmRequest): string {
  const who = request.credentials?.username ?? `application:${request.applicationId}`;
  return `${request.portalId}\n${request.baseUrl}\n${who}`;
}

export interface PortalSessionsOptions {
  /** A kept session older than this is not offered again (portals log idle sessions out). */
  maxAgeMs: number;
  /** Sessions kept per portal account; more would only pile up after a burst of parallel runs. */
  perAccount: number;
  now?: () => number;
}

/**
 * Logged-in portal sessions (cookies of the portal and of its unified login) kept in this worker's memory,
 * so the next run for the same portal account starts logged in, as a clerk's browser tab would, instead
 * of logging in again and meeting a new CAPTCHA. Never written to disk.
 *
 * A session is lent to one run at a time: portals keep a wizard's draft in the server-side session, and
 * two runs sharing one would overwrite each other's drafts. The caller gives a session back only when the
 * run left no draft behind (it filed, or it only read 办件查询).
 */
export class PortalSessions {
  readonly #kept = new Map<string, Kept[]>();
  readonly #now: () => number;

  constructor(private readonly options: PortalSessionsOptions) {
    this.#now = options.now ?? Date.now;
  }

  /** Takes a kept session for this account, if a fresh one is there; nobody else gets it meanwhile. */
  take(account: string): StorageState | undefined {
    const list = this.#kept.get(account);
    while (list?.length) {
      const kept = list.pop();
      if (kept && this.#now() - kept.keptAt <= this.options.maxAgeMs) return kept.state;
    }
    this.#kept.delete(account);
    return undefined;
  }

  /** Whether a fresh session of this account is kept (none is taken). */
  has(account: string): boolean {
    const now = this.#now();
    return (this.#kept.get(account) ?? []).some((kept) => now - kept.keptAt <= this.options.maxAgeMs);
  }

  giveBack(account: string, state: StorageState): void {
    const list = this.#kept.get(account) ?? [];
    list.push({ state, keptAt: this.#now() });
    if (list.length > this.options.perAccount) list.shift();
    this.#kept.set(account, list);
  }

  get size(): number {
    let total = 0;
    for (const list of this.#kept.values()) total += list.length;
    return total;
  }
}
