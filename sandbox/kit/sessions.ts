import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Server-side sessions, as the department systems keep them: the browser holds only a random id in a cookie
 * named after the portal (each portal on its own port keeps its own), the server holds the rest. Sessions
 * live in memory, so a restart of the portals logs everyone out, as a redeploy of a real system does.
 */
export interface PortalSession {
  id: string;
  /** The portal account once logged in. */
  account?: string;
  /** What the account is shown as in the page header. */
  displayName?: string;
  createdAt: number;
  lastSeenAt: number;
  /** Portal-specific server-side values (a wizard's draft, a CAPTCHA answer, a pending SMS). */
  data: Record<string, unknown>;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The session of this browser (created on first use by `ensureSession`). */
    portalSession?: PortalSession;
    /** Set when the browser came with a logged-in session that had been idle too long. */
    portalSessionExpired?: boolean;
  }
}

export class SessionManager {
  readonly #sessions = new Map<string, PortalSession>();
  readonly cookieName: string;
  readonly #idleTimeoutMs: () => number;
  readonly #now: () => number;

  constructor(options: { cookieName: string; idleTimeoutMs: () => number; now?: () => number }) {
    this.cookieName = options.cookieName;
    this.#idleTimeoutMs = options.idleTimeoutMs;
    this.#now = options.now ?? Date.now;
  }

  /** Finds this browser's session, drops it when idle too long, and touches it. */
  middleware(): RequestHandler {
    return (req: Request, _res: Response, next: NextFunction) => {
      const id = (req.cookies as Record<string, string> | undefined)?.[this.cookieName];
      const session = id ? this.#sessions.get(id) : undefined;
      if (session) {
        const now = this.#now();
        if (now - session.lastSeenAt > this.#idleTimeoutMs()) {
          this.#sessions.delete(session.id);
          if (session.account) req.portalSessionExpired = true;
        } else {
          session.lastSeenAt = now;
          req.portalSession = session;
        }
      }
      next();
    };
  }

  /** The request's session, creating one (and its cookie) when the browser has none. */
  ensure(req: Request, res: Response): PortalSession {
    if (req.portalSession) return req.portalSession;
    const now = this.#now();
    const session: PortalSession = {
      id: randomBytes(24).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      data: {},
    };
    this.#sessions.set(session.id, session);
    res.cookie(this.cookieName, session.id, { httpOnly: true, sameSite: 'lax', path: '/' });
    req.portalSession = session;
    return session;
  }

  /** Logs the browser in under a fresh session id (a new id at login prevents session fixation). */
  login(req: Request, res: Response, account: string, displayName: string): PortalSession {
    if (req.portalSession) this.#sessions.delete(req.portalSession.id);
    req.portalSession = undefined;
    const session = this.ensure(req, res);
    session.account = account;
    session.displayName = displayName;
    return session;
  }

  logout(req: Request, res: Response): void {
    if (req.portalSession) this.#sessions.delete(req.portalSession.id);
    req.portalSession = undefined;
    res.clearCookie(this.cookieName, { path: '/' });
  }

  /** Looks a session up by id (the control API reads a browser's CAPTCHA answer this way). */
  byId(id: string): PortalSession | undefined {
    return this.#sessions.get(id);
  }

  /** Sessions most recently used first. */
  recent(): PortalSession[] {
    return [...this.#sessions.values()].sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  }

  clear(): void {
    this.#sessions.clear();
  }
}

/** A message kept in the session for the next page this browser opens (after a redirect). */
export function setFlash(req: Request, text: string): void {
  if (req.portalSession) req.portalSession.data.flash = text;
}

/** The message `setFlash` kept, taken out of the session so that it shows once. */
export function takeFlash(req: Request): string | undefined {
  const flash = req.portalSession?.data.flash as string | undefined;
  if (req.portalSession) delete req.portalSession.data.flash;
  return flash;
}
