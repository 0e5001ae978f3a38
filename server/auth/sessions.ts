import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Logger } from '../../lib/logger.ts';
import type { SessionRecord, SessionsRepo } from '../../store/sessions.repo.ts';
import type { UsersRepo } from '../../store/users.repo.ts';
import type { CurrentUser } from '../http/context.ts';
import type { ServerOptions } from '../options.ts';

export const SESSION_COOKIE = 'yj_sid';

const newToken = () => randomBytes(32).toString('base64url');
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/**
 * Database-backed sessions. The cookie carries a random token, the table its hash. A session id the
 * server did not issue is never adopted, and signing in always issues a fresh id (session fixation), with
 * a fresh CSRF token. Sessions end after `sessionIdleMs` without use or `sessionAbsoluteMs` in any case.
 */
export class SessionManager {
  constructor(
    private readonly sessions: SessionsRepo,
    private readonly users: UsersRepo,
    private readonly options: ServerOptions,
    private readonly logger: Logger,
  ) {}

  /** Reads the cookie and fills `req.yj.session`/`user`; drops expired or orphaned sessions. */
  async load(req: Request): Promise<void> {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) return;
    const idHash = hashToken(token);
    const session = await this.sessions.find(idHash);
    if (!session) return;
    const now = Date.now();
    const idleLimit = session.userId ? this.options.sessionIdleMs : this.options.anonymousSessionMs;
    if (session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > idleLimit) {
      await this.sessions.delete(idHash);
      req.yj.sessionExpired = session.userId !== null;
      return;
    }
    let user: CurrentUser | null = null;
    if (session.userId) {
      const found = await this.users.findById(session.userId);
      if (!found || found.disabled) {
        await this.sessions.delete(idHash);
        return;
      }
      user = {
        id: found.id,
        role: found.role,
        login: found.login,
        displayName: found.displayName,
        centreId: found.centreId,
      };
    }
    // Touch at most every minute (a tenth of the idle limit when shorter): browsing does not write a row
    // per request, and the idle expiry stays accurate to within that.
    if (now - session.lastSeenAt.getTime() > Math.min(60_000, idleLimit / 10))
      await this.sessions.touch(idHash);
    req.yj.session = session;
    req.yj.user = user;
  }

  /** The visitor's session, created (anonymous) when there is none yet: forms need its CSRF token. */
  async ensure(req: Request, res: Response): Promise<SessionRecord> {
    if (req.yj.session) return req.yj.session;
    return this.#issue(req, res, null, this.options.anonymousSessionMs);
  }

  /** Signs `userId` in on a brand-new session id; the previous session (if any) is destroyed. */
  async signIn(req: Request, res: Response, userId: string): Promise<SessionRecord> {
    if (req.yj.session) await this.sessions.delete(req.yj.session.idHash);
    req.yj.session = null;
    const session = await this.#issue(req, res, userId, this.options.sessionAbsoluteMs);
    // Housekeeping on a rare, already-slow path rather than a timer per process.
    this.sessions
      .purgeExpired(this.options.sessionIdleMs, this.options.anonymousSessionMs)
      .catch((error: unknown) => this.logger.warn({ err: error }, '清理过期会话失败'));
    return session;
  }

  async signOut(req: Request, res: Response): Promise<void> {
    if (req.yj.session) await this.sessions.delete(req.yj.session.idHash);
    req.yj.session = null;
    req.yj.user = null;
    res.clearCookie(SESSION_COOKIE, this.#cookieOptions(req));
  }

  /**
   * Whether a signed-in session still stands: not expired (idle or absolute), its account enabled. An open
   * stream asks this now and then, so it ends with its session however the session ended: expiry, a
   * password change or disabling on another server, or a command run against the store.
   */
  async stillSignedIn(idHash: string): Promise<boolean> {
    const session = await this.sessions.find(idHash);
    if (!session?.userId) return false;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) return false;
    if (now - session.lastSeenAt.getTime() > this.options.sessionIdleMs) return false;
    const user = await this.users.findById(session.userId);
    return user !== undefined && !user.disabled;
  }

  /** Ends every session of an account (its password changed, it was disabled); the caller ends its streams. */
  async endAll(userId: string): Promise<void> {
    await this.sessions.deleteForUser(userId);
  }

  async #issue(
    req: Request,
    res: Response,
    userId: string | null,
    lifetimeMs: number,
  ): Promise<SessionRecord> {
    const token = newToken();
    const session = await this.sessions.create({
      idHash: hashToken(token),
      userId,
      csrfToken: newToken(),
      expiresAt: new Date(Date.now() + lifetimeMs),
      ip: req.yj.ip,
      userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
    });
    res.cookie(SESSION_COOKIE, token, this.#cookieOptions(req));
    req.yj.session = session;
    return session;
  }

  #cookieOptions(req: Request) {
    const secure =
      this.options.secureCookies === 'auto'
        ? req.secure || isLoopback(req.hostname)
        : this.options.secureCookies;
    // Lax, not Strict: a link from an SMS or another site must land signed in; cross-site POSTs still carry
    // no cookie, and every POST needs the CSRF token anyway.
    return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  }
}
