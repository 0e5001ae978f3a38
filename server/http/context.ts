import type { Request } from 'express';
import type { SessionRecord } from '../../store/sessions.repo.ts';
import type { Role } from '../../store/users.repo.ts';

/** The signed-in person as request handlers see them (no password hash, nothing to leak). */
export interface CurrentUser {
  id: string;
  role: Role;
  login: string;
  displayName: string;
  centreId: string | null;
}

/** What the middleware learned about a request before the route handler runs. */
export interface RequestContext {
  /** Client address (Express's, honouring `trust proxy` for a proxy on this machine). */
  ip: string;
  session: SessionRecord | null;
  user: CurrentUser | null;
  /** The session cookie named a session that has just timed out (the login page says so). */
  sessionExpired: boolean;
  /** Multipart bodies are parsed by the route; their CSRF field is checked after parsing. */
  csrfDeferred: boolean;
  /** How to answer errors: an HTML page or a JSON body. */
  kind: 'page' | 'api';
  /** Signed in by the command line's admin token (see auth/admin-token.ts), not by a session cookie. */
  viaAdminToken: boolean;
  /** The live-update sequence when the request arrived: the page's stream replays anything newer. */
  liveSince: number;
}

declare global {
  namespace Express {
    interface Request {
      yj: RequestContext;
    }
  }
}

export function userOf(req: Request): CurrentUser | null {
  return req.yj?.user ?? null;
}

/** The current user, for handlers behind an access guard (which has already refused anonymous callers). */
export function signedIn(req: Request): CurrentUser {
  const user = req.yj?.user;
  if (!user) throw new Error('signedIn() called on a route without an access guard');
  return user;
}
