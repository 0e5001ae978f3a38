import { DEFAULT_PDF_FONT, type PdfFont } from './documents/pdf.ts';

/**
 * Every tunable of the web application in one place, with its default. Tests shorten the times and
 * cheapen the password hash; production uses the defaults.
 */
export interface ServerOptions {
  /** A signed-in session ends after this long without a request. Default 30 minutes. */
  sessionIdleMs: number;
  /** …and after this long in any case. Default 12 hours (a working day). */
  sessionAbsoluteMs: number;
  /** A visitor's pre-login session (it only carries the login form's CSRF token). Default 2 hours. */
  anonymousSessionMs: number;
  /** Failed sign-ins on an account that cost nothing; each one after them makes the next try wait. Default 3. */
  loginFreeFailures: number;
  /** The first wait after the free failures; it doubles with each further failure. Default 1 second. */
  loginDelayBaseMs: number;
  /** The longest wait an account's failures can impose (never a lock). Default 1 minute. */
  loginDelayMaxMs: number;
  /** Failed sign-ins from one client address within the window before the address is refused. Default 30. */
  loginMaxFailuresPerIp: number;
  /** Failures older than this are forgotten; a refused address waits this long. Default 15 minutes. */
  loginWindowMs: number;
  /**
   * Which proxies may name the client in `X-Forwarded-For` (Express's `trust proxy`): false (the socket's
   * address is the client, the default), a hop count, or addresses, subnets and `loopback`/`linklocal`/
   * `uniquelocal`. Set it from TRUST_PROXY only when such a proxy is really in front: anyone who can
   * reach us directly could otherwise pick the address their failed sign-ins are counted against.
   */
  trustProxy: false | number | readonly string[];
  /** How often an open live-update stream checks that its session still stands. Default 1 minute. */
  streamRecheckMs: number;
  /** scrypt cost N (a power of two). Default 2^15 (≈ 32 MB, tens of ms). */
  passwordCost: number;
  /** Largest upload accepted. Default 10 MB. */
  uploadMaxBytes: number;
  /**
   * Mark cookies Secure. 'auto': when the request came over HTTPS or to a loopback address (browsers keep
   * Secure cookies there); a centre serving plain HTTP on its LAN must terminate TLS in front of us.
   */
  secureCookies: 'auto' | boolean;
  /** The centre's time zone (IANA): times on every page and on the queue board. Default Asia/Shanghai. */
  timeZone: string;
  /** The CJK font the PDF documents are set in (PDF_FONT, PDF_FONT_FAMILY). Default Noto Sans CJK SC. */
  pdfFont: PdfFont;
  /**
   * The address people reach this server at (PUBLIC_URL), printed in the licence's QR code. Unset: the
   * address the download was requested at.
   */
  publicUrl?: string;
}

export const MINUTE = 60_000;

export const DEFAULT_SERVER_OPTIONS = {
  sessionIdleMs: 30 * MINUTE,
  sessionAbsoluteMs: 12 * 60 * MINUTE,
  anonymousSessionMs: 120 * MINUTE,
  loginFreeFailures: 3,
  loginDelayBaseMs: 1000,
  loginDelayMaxMs: MINUTE,
  loginMaxFailuresPerIp: 30,
  loginWindowMs: 15 * MINUTE,
  streamRecheckMs: MINUTE,
  passwordCost: 2 ** 15,
  uploadMaxBytes: 10 * 1024 * 1024,
  secureCookies: 'auto',
  trustProxy: false,
  timeZone: 'Asia/Shanghai',
  pdfFont: DEFAULT_PDF_FONT,
} as const satisfies ServerOptions;

export function resolveServerOptions(overrides: Partial<ServerOptions> = {}): ServerOptions {
  const options: ServerOptions = { ...DEFAULT_SERVER_OPTIONS, ...overrides };
  if (!Number.isInteger(Math.log2(options.passwordCost)) || options.passwordCost < 2) {
    throw new Error(`ServerOptions.passwordCost must be a power of two, got ${options.passwordCost}`);
  }
  for (const key of [
    'sessionIdleMs',
    'sessionAbsoluteMs',
    'loginWindowMs',
    'loginDelayBaseMs',
    'loginDelayMaxMs',
    'streamRecheckMs',
    'uploadMaxBytes',
  ] as const) {
    if (!(options[key] > 0)) throw new Error(`ServerOptions.${key} must be positive, got ${options[key]}`);
  }
  return options;
}
