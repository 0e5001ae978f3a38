/**
 * A portal whose pages are documents of its own on a component library (TDesign, Ant Design Vue, layui)
 * rather than pages in the kit's dress: 首页 for everyone, and the one form behind the login, whose script
 * posts the whole application as JSON to /api/apply. The look, the checks and the receipt stay the portal's.
 */
import type { Request, Router } from 'express';
import type { SafeHtml } from './html/escape.ts';
import { type AcceptOptions, acceptApplication } from './json-apply.ts';
import type { PortalContext } from './portal.ts';

/** One page for the portal's own document. */
export interface LibraryPage {
  title: string;
  /** The logged-in user's display name, for the header. */
  user: string | undefined;
  /** The menu entry to highlight. */
  active: string;
  body: SafeHtml;
  /** The page carries the form: the document loads the library's scripts and the portal's own. */
  form?: boolean;
}

export interface LibraryPages {
  /** A whole page, the portal's header, menu and footer around `body`. */
  document(page: LibraryPage): string;
  /** The body of 首页. */
  home: SafeHtml;
  /** The form's page at /apply; its script draws the form. */
  form: { title: string; body: SafeHtml };
  /** How POST /api/apply checks and records the application. */
  application: AcceptOptions;
}

/** GET / and GET /apply in the portal's own document, and POST /api/apply. */
export function mountLibraryPages(router: Router, ctx: PortalContext, pages: LibraryPages): void {
  const user = (req: Request) => req.portalSession?.displayName;
  router.get('/', (req, res) => {
    res.send(pages.document({ title: '首页', user: user(req), active: '/', body: pages.home }));
  });
  router.get('/apply', ctx.requireLogin, (req, res) => {
    res.send(pages.document({ ...pages.form, user: user(req), active: '/apply', form: true }));
  });
  router.post('/api/apply', ctx.requireLogin, acceptApplication(ctx, pages.application));
}
