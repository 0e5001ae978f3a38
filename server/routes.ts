import { registerApplicationApi } from './api/applications.api.ts';
import { registerProgressApi } from './api/progress.api.ts';
import { ApiRegistry } from './api/registry.ts';
import { userApiRoutes } from './api/users.api.ts';
import { eventRoutes } from './events/stream.ts';
import type { RouteSpec } from './http/routes.ts';
import { accountRoutes } from './pages/account.pages.ts';
import { itemActionRoutes } from './pages/admin/item-actions.pages.ts';
import { portalRoutes } from './pages/admin/portals.pages.ts';
import { queueBoardRoutes } from './pages/admin/queue-board.ts';
import { runRoutes } from './pages/admin/runs.pages.ts';
import { userPageRoutes } from './pages/admin/users.pages.ts';
import { workerRoutes } from './pages/admin/workers.pages.ts';
import { adminRoutes } from './pages/admin.pages.ts';
import { agreementRoutes } from './pages/applicant/agreements.pages.ts';
import { detailRoutes } from './pages/applicant/detail.pages.ts';
import { formRoutes } from './pages/applicant/form.pages.ts';
import { myListRoutes } from './pages/applicant/list.pages.ts';
import { materialsRoutes } from './pages/applicant/materials.pages.ts';
import { newApplicationRoutes } from './pages/applicant/new.pages.ts';
import { authRoutes } from './pages/auth.pages.ts';
import { acceptanceSlipRoutes } from './pages/clerk/acceptance-slip.pages.ts';
import { byHandRoutes } from './pages/clerk/by-hand.pages.ts';
import { deskRoutes } from './pages/clerk/desk.pages.ts';
import { deskFormRoutes } from './pages/clerk/desk-form.pages.ts';
import { deskRunRoutes } from './pages/clerk/desk-runs.pages.ts';
import { ocrConfirmRoutes } from './pages/clerk/ocr-confirm.ts';
import { documentRoutes } from './pages/documents.pages.ts';
import { homeRoutes } from './pages/home.pages.ts';
import { ratingRoutes } from './pages/ratings/ratings.pages.ts';
import { registrationRoutes } from './pages/registration.pages.ts';
import { systemRoutes } from './pages/system.routes.ts';
import type { Services } from './services.ts';

/**
 * Every route of the application, pages and API. `createApp` mounts exactly this list, and the security
 * tests walk exactly this list, so a new route is covered by them the moment it is added here.
 */
export function buildRoutes(services: Services): { routes: RouteSpec[]; api: ApiRegistry } {
  const api = new ApiRegistry();
  registerApplicationApi(api, services);
  registerProgressApi(api, services);
  const openapi: RouteSpec = {
    method: 'get',
    path: '/api/openapi.json',
    access: 'public',
    kind: 'api',
    summary: 'OpenAPI 文档',
    handler: (_req, res) => {
      res.json(api.document());
    },
  };
  const routes = [
    ...systemRoutes(services),
    ...homeRoutes(services),
    ...authRoutes(services),
    ...registrationRoutes(services),
    ...accountRoutes(services),
    ...myListRoutes(services),
    ...newApplicationRoutes(services),
    ...materialsRoutes(services),
    ...formRoutes(services),
    ...agreementRoutes(services),
    ...detailRoutes(services),
    ...deskRoutes(services),
    ...byHandRoutes(services),
    ...deskFormRoutes(services),
    ...documentRoutes(services),
    ...ocrConfirmRoutes(services),
    ...deskRunRoutes(services),
    ...acceptanceSlipRoutes(services),
    ...adminRoutes(services),
    ...userPageRoutes(services),
    ...runRoutes(services),
    ...itemActionRoutes(services),
    ...ratingRoutes(services),
    ...portalRoutes(services),
    ...workerRoutes(services),
    ...queueBoardRoutes(services.boardQueues, services.options.timeZone),
    ...eventRoutes(services),
    openapi,
    ...api.routes(),
    ...userApiRoutes(services),
  ];
  return { routes, api };
}
