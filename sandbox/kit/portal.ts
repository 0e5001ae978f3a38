import type { Request, RequestHandler, Router } from 'express';
import type { Logger } from '../../lib/logger.ts';
import type { AccountBook, PortalAccount } from './accounts.ts';
import type { Faults } from './faults.ts';
import type { SandboxItemId } from './form-manifest.ts';
import type { SafeHtml } from './html/escape.ts';
import type { PageOptions, PortalChrome } from './html/layout.ts';
import type { CompanyRegistry } from './registry.ts';
import type { SessionManager } from './sessions.ts';
import type { SmsService } from './sms.ts';
import type { TicketAuthority } from './sso.ts';
import type { PortalStore } from './store.ts';
import type { RawRequest, Submission, UploadedFileMeta } from './submissions.ts';
import type { UploadRule, UploadShelf } from './uploads.ts';

/**
 * The ids of the apps `startPortals` runs, in port order after the index (PORTALS_PORT): the unified login
 * of market regulation, then one portal per department.
 */
export const PORTAL_IDS = [
  'unified-login',
  'market-regulation',
  'public-security',
  'bank',
  'tax',
  'social-insurance',
  'medical-insurance',
  'housing-fund',
  'food-licence',
  'outdoor-sign',
  'fire-safety',
] as const;
export type PortalId = (typeof PORTAL_IDS)[number];

/** What one department portal is: its look, accounts, upload rules, pages and review behaviour. */
export interface PortalDefinition {
  id: PortalId;
  /** The contract item it files (absent for the unified login, which files nothing). */
  item?: SandboxItemId;
  /** 事项名称 as the department lists it in 办件查询: 企业设立登记. */
  itemName: string;
  chrome: PortalChrome;
  /** Session cookie name; each department names it its own way (JSESSIONID, SAMR_SID, …). */
  cookieName: string;
  /** Seeded portal accounts. */
  accounts: readonly PortalAccount[];
  /**
   * `kit`: the kit serves a username/password login at /login. `custom`: the portal mounts its own /login
   * (unified login, tax-style login); `requireLogin` still redirects there with `?next=` (and `&expired=1`).
   */
  login: 'kit' | 'custom';
  /** Signature of its text messages: 【漳州市公安局】. */
  smsSender?: string;
  /**
   * False when the department has no 办件查询 (many real systems have none): the kit then serves only the
   * receipt page of each submission, and the portal shows what it lists of its own (我的申请), if anything.
   */
  query?: false;
  /**
   * Library folders served unchanged under a path (`{ '/layui': packageFolder('layui', 'dist') }`), for pages
   * built on a component library. The portal's own files (`sandbox/<id>/assets/`) are served at /static/<file>
   * without being listed.
   */
  libraries?: Readonly<Record<string, string>>;
  /** Upload slots by name (posted to /api/upload with `slot`). */
  uploads?: Readonly<Record<string, UploadRule>>;
  /** Output ids and their labels on the receipt and in 办件查询 (`acceptanceNo` → 受理编号). */
  receiptLabels?: Readonly<Record<string, string>>;
  /** How /receipt/:reference dresses the standard receipt (default: 受理回执 with nothing added). */
  receiptPage?: ReceiptPage;
  /** 首页 (GET /, open to visitors) in the portal's dress; a portal without it mounts a page of its own. */
  home?: { title: string; body: SafeHtml };
  /** Mounts the portal's own pages; runs before the kit's generic pages, so it may replace them. */
  mount(router: Router, ctx: PortalContext): void;
  /** Extra control routes under /__sandbox (already behind the bearer token). */
  control?(router: Router, ctx: PortalContext): void;
  /** Moves a submission on once its `dueAt` passes (e.g. approval after review). */
  onDue?(submission: Submission, ctx: PortalContext): void;
  /** Called once when the portal starts, after its state was loaded (e.g. republish approvals). */
  onStart?(ctx: PortalContext): void;
}

/** A portal's own dress of its receipt page (the kit's standard receipt inside). */
export interface ReceiptPage {
  title: string;
  /** The text of the 404 page, under `title`, for a reference this account did not file (default: the kit's). */
  notFound?: string;
  /** Shown above the receipt (a steps bar). */
  above?: SafeHtml;
  /** The filing's particulars below the receipt's standard lines. */
  extra?(submission: Submission): SafeHtml;
}

/** Objects shared by all portals of one process. */
export interface PortalsShared {
  registry: CompanyRegistry;
  tickets: TicketAuthority;
  /** Base URLs of every running app, filled in once all of them listen. */
  urls: Partial<Record<PortalId | 'index', string>>;
  logger: Logger;
}

/** Everything a portal's pages use, created by `createPortalApp`. */
export interface PortalContext {
  definition: PortalDefinition;
  store: PortalStore;
  sessions: SessionManager;
  accounts: AccountBook;
  faults: Faults;
  sms: SmsService;
  uploads: UploadShelf;
  shared: PortalsShared;
  logger: Logger;
  now(): Date;
  /** A page in this portal's dress with the session's user in the top bar. */
  render(req: Request, page: PageOptions): string;
  /** Bounces to /login?next=… (with expired=1 after an idle timeout) unless logged in. */
  requireLogin: RequestHandler;
  /** The logged-in account of a request that passed `requireLogin`. */
  accountOf(req: Request): string;
  /** Takes an uploaded file by the id the form carried (only the uploader's own files). */
  takeUpload(req: Request, id: string): UploadedFileMeta | undefined;
  /** Stores a new submission (never merged with an earlier one) and returns it. */
  recordSubmission(input: NewSubmission): Submission;
}

export interface NewSubmission {
  reference: string;
  account: string;
  company: string;
  creditCode?: string;
  status: string;
  statusText: string;
  requests: RawRequest[];
  files: Record<string, UploadedFileMeta>;
  fields: Record<string, unknown>;
  receipt: Record<string, unknown>;
  dueAt?: Date;
}
