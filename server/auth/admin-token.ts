import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { isAlive } from '../../lib/processes.ts';
import type { CurrentUser } from '../http/context.ts';
import { sameToken } from './sessions.ts';

/**
 * How `yijian users …` reaches a running server. The embedded PGlite store can be open in one process
 * only, so while the service runs the command asks the server instead. The server writes its address
 * and a fresh random token to DATA_DIR/admin-api.json (owner-only, like the rest of DATA_DIR) and removes
 * the file when it stops; whoever can read the file can already read the database itself.
 */
export const ADMIN_API_FILE = 'admin-api.json';

/** The routes the token opens; nothing else accepts it. */
export const ADMIN_API_PREFIX = '/api/admin/';

const adminApiSchema = z.object({ url: z.string(), token: z.string().min(32), pid: z.number().int() });
export type AdminApi = z.infer<typeof adminApiSchema>;

/** The audit log names the command line as the actor of what it does through the token. */
export const COMMAND_LINE_ADMIN: CurrentUser = {
  id: 'cli',
  role: 'admin',
  login: 'cli',
  displayName: '命令行',
  centreId: null,
};

export function newAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Writes the file once the server listens; returns what removes it at shutdown. */
export function publishAdminApi(dataDir: string, api: Omit<AdminApi, 'pid'>): () => void {
  const file = join(dataDir, ADMIN_API_FILE);
  writeFileSync(file, `${JSON.stringify({ ...api, pid: process.pid })}\n`, { mode: 0o600 });
  return () => {
    // Another server may have started on the same DATA_DIR since (it would have failed on PGlite, but a
    // PostgreSQL installation can run several): remove only our own file.
    const current = readAdminApi(dataDir, { requireAlive: false });
    if (current?.pid === process.pid) rmSync(file, { force: true });
  };
}

/**
 * The running server's admin API, if there is one: the file exists, is readable by its owner only, and the
 * process that wrote it is still alive (a server that was killed leaves the file behind).
 */
export function readAdminApi(dataDir: string, options = { requireAlive: true }): AdminApi | undefined {
  const file = join(dataDir, ADMIN_API_FILE);
  if (!existsSync(file)) return undefined;
  if (statSync(file).mode & 0o077) {
    throw new Error(`${file} 可被其他用户读取，已拒绝使用；请删除该文件并重启服务`);
  }
  const parsed = adminApiSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) return undefined;
  if (options.requireAlive && !isAlive(parsed.data.pid)) return undefined;
  return parsed.data;
}

/**
 * Signs in a request to /api/admin/* that carries `Authorization: Bearer <token>` as the command line.
 * Such a request has no cookie a browser could attach on another site's behalf, so it needs no CSRF token.
 */
export function adminTokenAuth(token: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!token || !req.path.startsWith(ADMIN_API_PREFIX)) return next();
    const header = req.get('authorization');
    const match = header?.match(/^Bearer (\S+)$/);
    if (match?.[1] && sameToken(match[1], token)) {
      req.yj.user = COMMAND_LINE_ADMIN;
      req.yj.session = null;
      req.yj.viaAdminToken = true;
    }
    next();
  };
}
