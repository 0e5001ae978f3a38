import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with Node's built-in scrypt (no native add-on to build). The stored form carries its
 * own parameters — `scrypt$N$r$p$salt$hash` — so raising the cost later keeps old hashes verifiable.
 */
const KEY_LENGTH = 32;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const memoryFor = (N: number, r: number, p: number) => 128 * N * r * p * 2;

export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const options = {
    N: cost,
    r: BLOCK_SIZE,
    p: PARALLELISM,
    maxmem: memoryFor(cost, BLOCK_SIZE, PARALLELISM),
  };
  const key = await derive(password, salt, options);
  return ['scrypt', cost, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  if (![N, R, P].every((value) => Number.isInteger(value) && value > 0)) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    N,
    r: R,
    p: P,
    maxmem: memoryFor(N, R, P),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of a random password, verified against when the account does not exist, so that "no such
 * account" and "wrong password" take the same time and cannot be told apart.
 */
export async function decoyHash(cost: number): Promise<string> {
  return hashPassword(randomBytes(12).toString('base64'), cost);
}

/** Rules for a new password, as messages for the field (empty when acceptable). */
export function passwordProblems(password: string, login?: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('密码至少 8 位');
  if (password.length > 128) problems.push('密码不能超过 128 位');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('密码需同时包含字母和数字');
  if (login && password.includes(login)) problems.push('密码不能包含账号本身');
  return problems;
}
