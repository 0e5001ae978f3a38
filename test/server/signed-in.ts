import { expect } from 'vitest';
import { Client } from './client.ts';
import type { TestServer } from './harness.ts';

/** An account as `addUser` takes it: role, login, password and the name or centre. */
export type TestAccount = Parameters<TestServer['addUser']>;

/**
 * Adds each account to `web` and signs a client in as it (its login answered 303), under the name the test
 * calls it by; `visitor` is a client signed in as nobody.
 */
export async function signedInClients<Name extends string>(
  web: TestServer,
  accounts: Record<Name, TestAccount>,
): Promise<Record<Name | 'visitor', Client>> {
  const clients = { visitor: new Client(web.base) } as Record<Name | 'visitor', Client>;
  for (const [name, account] of Object.entries(accounts) as [Name, TestAccount][]) {
    await web.addUser(...account);
    const [, login, password] = account;
    clients[name] = new Client(web.base);
    expect((await clients[name].login(login, password)).status).toBe(303);
  }
  return clients;
}
