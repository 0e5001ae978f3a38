/**
 * The portal kit: what every sandbox department portal is built from. A portal is a `PortalDefinition`
 * (kit/portal.ts) — its look, accounts, upload rules, receipt labels and a `mount(router, ctx)` that adds
 * its own pages — and `createPortalApp` turns it into an Express app; `startPortals` (sandbox/start.ts) runs
 * every definition listed in sandbox/catalog.ts on its own port. Adding a department:
 *
 *   // sandbox/tax/portal.ts
 *   export const taxPortal: PortalDefinition = {
 *     id: 'tax', item: 'tax-registration', itemName: '新办纳税人涉税事项', cookieName: 'DZSWJ_TGC',
 *     login: 'custom',                       // or 'kit': the kit serves /login for `accounts`
 *     accounts: [{ username: 'yijian', password: '…', displayName: '…' }],
 *     chrome: { department: '国家税务总局漳州市税务局', systemName: '电子税务局', primary: '#1d5aa8',
 *               nav: [{ href: '/', label: '首页' }, { href: '/query', label: '我的办件' }], footer: '…' },
 *     receiptLabels: { taxAcceptanceNo: '税务受理号' },
 *     uploads: { licence: { label: '营业执照', accept: { jpg: 2 * MB, pdf: 5 * MB } } },
 *     mount(router, ctx) {
 *       router.get('/', ctx.requireLogin, (req, res) => res.send(ctx.render(req, { title: '…', body: html`…` })));
 *       router.post('/apply', ctx.requireLogin, (req, res) => {
 *         const lookup = ctx.shared.registry.lookup(code, ctx.faults.settings.syncLagMs); // sync lag
 *         …validate req.body (HTML names) → errors beside fields, or:
 *         fileAndShowReceipt(ctx, req, res, { reference, company, status: 'done',   // then 303 to /receipt/…
 *           statusText: '已办结', requests: [{ path: req.path, receivedAt, body: req.body }], files: {},
 *           fields: { unitName: …, 'legalRep.name': …, seals: [{ type: '01', … }] },   // contract ids
 *           receipt: { taxAcceptanceNo: reference } });
 *       });
 *     },
 *   };
 *   // then add it to PORTAL_DEFINITIONS in sandbox/catalog.ts (its port follows from PORTAL_IDS).
 *
 * What the kit provides for every portal (see each file):
 * - sessions.ts   server-side sessions (cookie `cookieName`), idle expiry → `ctx.requireLogin` bounces to
 *                 /login?next=…&expired=1 (JSON 401 for XHR). `ctx.sessions.login(req, res, account, name)`.
 *                 `setFlash`/`takeFlash` carry a message to the next page (after a redirect).
 * - accounts.ts   seeded username/password per portal (constant-time check; never logged, never in URLs).
 * - login-page.ts the standard username/password login (`login: 'kit'`); `safeNext` for redirects;
 *                 `renderLogin` and `logInWithPassword` for a portal's own login page.
 * - store.ts      durable state under DATA_DIR/portals/<portal> (atomic writes; memory without DATA_DIR):
 *                 submissions, counters (`nextSequence`), SMS inbox, portal extras (`getExtra`/`setExtra`,
 *                 `keptRandom` for the random start of a series).
 * - submissions.ts the record of a submission: `raw` (body by HTML names), `requests`, `files`
 *                 (sha256/size/type), `fields` (contract ids), `receipt`, status, `dueAt` for later changes
 *                 (`onDue` runs when it passes — approvals).
 * - query-page.ts /query (我的办件: by reference or company, every duplicate listed) and /receipt/:ref;
 *                 `fileAndShowReceipt` records a filing and sends the browser to its receipt.
 * - control-api.ts /__sandbox/* behind the bearer token: submissions, reset, SMS inbox, faults, tick;
 *                 `definition.control(router, ctx)` adds portal routes.
 * - faults.ts     latency range, 5xx rate, failNext, errorStatus, session timeout, sync lag, approval delay;
 *                 the busy page "系统繁忙，请稍后再试" (html/layout.ts).
 * - uploads.ts    type by magic bytes (jpg/png/pdf) and per-type size limits with Chinese messages; files are
 *                 posted to /api/upload by the upload widget and taken with `ctx.takeUpload(req, id)`.
 * - sms.ts        6-digit codes valid 5 minutes: `ctx.sms.send(phone, purpose)`, `ctx.sms.verify(…)`;
 *                 POST handlers are the portal's own (e.g. /api/sms → `ctx.sms.send`).
 * - registry.ts   `ctx.shared.registry`: companies approved by market regulation, visible to a department
 *                 only `syncLagMs` after approval ("工商信息尚未共享，请稍后再试", NOT_YET_SHARED_MESSAGE).
 * - sso.ts        one-time tickets of the unified login (market regulation).
 * - references.ts reference numbers (`referenceNumber('SL', seq)`), China-time dates, Luhn check digits.
 * - body.ts     reading a posted body by HTML names (`str`, `all`, `list`, `rowIndexes`); wizard.ts the
 *                 multi-page wizards' plumbing (a draft in the session, a step per page).
 * - checks.ts     `FormChecks`: the checks several portals make alike (credit code, 省/市/区 + street,
 *                 amount, mobile, today's date, upload), with the portal's own names and wording.
 * - json-apply.ts a single-page form posted as JSON to /api/apply: `acceptApplication` (check, then record
 *                 as done), or `refusedInPlace` / `answerFiled` for a portal that files its own way.
 * - library-pages.ts a portal drawn as documents of its own on a component library: 首页, the form at /apply
 *                 and its JSON /api/apply (`mountLibraryPages`).
 * - html/         `html` tagged template (escapes), `renderPage` (banner, menu, footer in the portal's
 *                 colour), and widgets.ts: formItem (label + error beside the field), textInput, divSelect,
 *                 treeSelect (codes in labels), dateInput (readonly + calendar; own wire format), regionCascade
 *                 (async 省/市/区 from /api/regions over forms/codes), radioGroup, checkboxGroup, uploadSlot,
 *                 repeatingRows + rowFrame (添加/删除), noticeBox (scroll to enable), modal, modalPicker
 *                 (list with 主营 flag), stepsBar, smsButton. Table layouts with labels in neighbouring
 *                 cells: `<table class="k-grid"><tr><th>单位名称</th><td>…</td></tr></table>`.
 *                 `data-show-when="name=value"` shows (and posts) a block only while a field has a value;
 *                 `data-requires-check="<checkbox>"` keeps a button disabled until the box is ticked.
 * - assets/       kit.css and the widget scripts (served as /static/kit.css, /static/kit.js).
 * - assets.ts     every file of sandbox/<id>/assets at /static/<file>, and the `libraries` as npm ships them
 *                 (`packageFolder('vue', 'dist')`).
 */
export { AccountBook, type PortalAccount } from './accounts.ts';
export { createPortalApp, type PortalApp, type PortalAppOptions } from './app.ts';
export { DEFAULT_FAULTS, type FaultPatch, type FaultSettings, Faults } from './faults.ts';
export type { FieldKind, FormManifest, ManifestField, SandboxItemId } from './form-manifest.ts';
export { escapeHtml, html, SafeHtml, trusted } from './html/escape.ts';
export { BUSY_TEXT, type PageOptions, type PortalChrome, renderPage } from './html/layout.ts';
export * from './html/widgets.ts';
export {
  EXPIRED_MESSAGE,
  type LoginFormState,
  logInWithPassword,
  renderLogin,
  safeNext,
} from './login-page.ts';
export {
  type NewSubmission,
  PORTAL_IDS,
  type PortalContext,
  type PortalDefinition,
  type PortalId,
  type PortalsShared,
} from './portal.ts';
export { receiptBody, statusBadge } from './query-page.ts';
export {
  chinaDate,
  chinaDateDigits,
  chinaDateTime,
  chineseDate,
  luhnCheckDigit,
  referenceNumber,
} from './references.ts';
export {
  CompanyRegistry,
  NOT_YET_SHARED_MESSAGE,
  type RegisteredCompany,
  type RegistryLookup,
} from './registry.ts';
export { SMS_CHECK_MESSAGES, type SmsCheck } from './sms.ts';
export type { RawValue, Submission, UploadedFileMeta } from './submissions.ts';
export { checkUpload, MB, sniffFileType, type UploadRule } from './uploads.ts';
