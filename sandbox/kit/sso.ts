import { randomBytes } from 'node:crypto';

/**
 * One-time tickets of a unified login (统一身份认证, CAS style): after a successful login on its own port the
 * login app redirects to the service with `?ticket=ST-…`; the service redeems the ticket once, within a
 * minute, for the account, and starts its own session. Shared in-process between the login app and the
 * portals that trust it (they run in one process; across ports the browser's cookies do not carry over).
 */
export class TicketAuthority {
  readonly #tickets = new Map<
    string,
    { account: string; displayName: string; service: string; expiresAt: number }
  >();
  readonly #now: () => number;
  readonly #validMs: number;

  constructor(options: { now?: () => number; validMs?: number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#validMs = options.validMs ?? 60_000;
  }

  issue(account: string, displayName: string, service: string): string {
    const ticket = `ST-${randomBytes(18).toString('base64url')}`;
    this.#tickets.set(ticket, { account, displayName, service, expiresAt: this.#now() + this.#validMs });
    return ticket;
  }

  /** The ticket's account when it was issued for `service` (an origin) and is fresh; a ticket works once. */
  redeem(ticket: string, service: string): { account: string; displayName: string } | undefined {
    const entry = this.#tickets.get(ticket);
    this.#tickets.delete(ticket);
    if (!entry || entry.service !== service || entry.expiresAt < this.#now()) return undefined;
    return { account: entry.account, displayName: entry.displayName };
  }
}
