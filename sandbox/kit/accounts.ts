import { createHash, timingSafeEqual } from 'node:crypto';

/** A portal login, seeded at start. Passwords are compared in constant time and never logged. */
export interface PortalAccount {
  username: string;
  password: string;
  /** Name shown in the page header once logged in (an 经办人 or an enterprise user). */
  displayName: string;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export class AccountBook {
  readonly #accounts = new Map<string, { digest: Buffer; displayName: string }>();

  constructor(accounts: readonly PortalAccount[]) {
    for (const account of accounts) this.add(account);
  }

  add(account: PortalAccount): void {
    this.#accounts.set(account.username, {
      digest: digest(account.password),
      displayName: account.displayName,
    });
  }

  /** The display name when username and password match, else undefined. */
  verify(username: string, password: string): string | undefined {
    const entry = this.#accounts.get(username.trim());
    // Compare against something even for unknown users so both cases take the same time.
    const expected = entry?.digest ?? digest('\u0000no-such-account');
    const ok = timingSafeEqual(expected, digest(password));
    return ok && entry ? entry.displayName : undefined;
  }

  usernames(): string[] {
    return [...this.#accounts.keys()];
  }
}
