import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_FILE = 'secret';

export class SecretMissingError extends Error {
  override readonly name = 'SecretMissingError';
  readonly code = 'SECRET_MISSING';
}

/**
 * YIJIAN_SECRET signs sessions and encrypts portal credentials. `start` (one machine) keeps a generated
 * one in DATA_DIR; processes on other machines must be given the same value, or they could not read the
 * credentials the server stored, so for them a missing secret is an error rather than a new random one.
 */
export function resolveSecret(options: {
  configured?: string | undefined;
  dataDir: string;
  create: boolean;
}): string {
  if (options.configured) return options.configured;
  const file = join(options.dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  if (!options.create) {
    throw new SecretMissingError(
      `未设置 YIJIAN_SECRET，且 ${file} 不存在。请设置与服务器相同的 YIJIAN_SECRET（至少 32 个字符），或先运行一次 yijian start。`,
    );
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
