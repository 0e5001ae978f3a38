import type { Queue } from 'bullmq';
import type { Logger } from '../lib/logger.ts';
import type { OcrService } from '../ocr/service.ts';
import { ApplicationsRepo } from '../store/applications.repo.ts';
import { AuditRepo } from '../store/audit.repo.ts';
import type { Db } from '../store/db.ts';
import { DocumentsRepo } from '../store/documents.repo.ts';
import { LoginFailuresRepo } from '../store/login-failures.repo.ts';
import { PhoneVerificationsRepo } from '../store/phone-verifications.repo.ts';
import { SessionsRepo } from '../store/sessions.repo.ts';
import { UsersRepo } from '../store/users.repo.ts';
import { type Audit, createAudit } from './audit.ts';
import { LoginLimiter } from './auth/login-limiter.ts';
import { PhoneVerification } from './auth/phone-verification.ts';
import { SessionManager } from './auth/sessions.ts';
import type { BotsPort } from './bots.ts';
import type { FormCatalog } from './catalog.ts';
import { DepthHistory } from './depth-history.ts';
import { EventHub } from './events/hub.ts';
import type { HealthReport } from './health.ts';
import { setCentreTimeZone } from './html/components.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { resolveServerOptions, type ServerOptions } from './options.ts';
import type { SmsSender } from './sms/sms.ts';
import { formsCatalog } from './workspace/forms-catalog.ts';
import { DocumentReader } from './workspace/reader.ts';
import { refreshResolution } from './workspace/workspace.ts';

/** What `createApp` is given. Everything but the first five has a default. */
export interface AppDeps {
  logger: Logger;
  health: () => Promise<HealthReport>;
  db: Db;
  /** DATA_DIR: uploads are stored under it. */
  dataDir: string;
  /** YIJIAN_SECRET (keys the login-failure counters). */
  secret: string;
  options?: Partial<ServerOptions>;
  /** Bundles, items and materials (the seam to forms/). */
  catalog?: FormCatalog;
  events?: EventHub;
  metrics?: Metrics;
  /** OCR for uploaded ID cards and licences, started on first use; without it nothing is read. */
  ocr?: () => Promise<OcrService>;
  /** The bots' queue (one-key submission, progress, questions, admin controls); without it those are off. */
  bots?: BotsPort;
  /** BullMQ queues shown read-only on the admin's queue board. */
  boardQueues?: readonly Queue[];
  /** Opens /api/admin/* to `yijian users …` (auth/admin-token.ts); without it only sessions do. */
  adminToken?: string;
  /**
   * Text messages (the registration code): the centre's gateway, or in demo mode an in-memory outbox the page
   * shows (sms.ts, smsSenderFor). Without one, applicants cannot register online.
   */
  sms?: SmsSender;
}

/** The application's collaborators, built once and shared by every route module. */
export interface Services {
  logger: Logger;
  health: () => Promise<HealthReport>;
  db: Db;
  dataDir: string;
  options: ServerOptions;
  users: UsersRepo;
  sessions: SessionManager;
  limiter: LoginLimiter;
  auditLog: AuditRepo;
  audit: Audit;
  applications: ApplicationsRepo;
  documents: DocumentsRepo;
  catalog: FormCatalog;
  events: EventHub;
  metrics: Metrics;
  reader?: DocumentReader;
  bots?: BotsPort;
  /** Queue depth samples for the admin's charts (with bots only). */
  depthHistory?: DepthHistory;
  boardQueues?: readonly Queue[];
  adminToken?: string;
  sms?: SmsSender;
  /** 注册短信验证 (auth/phone-verification.ts); none without an SMS sender: registration is closed. */
  phoneVerification?: PhoneVerification;
}

const APPLICATION_EVENTS: Record<string, string> = {
  'application.create': 'created',
  'application.submit': 'submitted',
  'application.return': 'returned',
  'application.dispatch': 'dispatched',
  'application.resubmit': 'resubmitted',
};

export function createServices(deps: AppDeps): Services {
  const options = resolveServerOptions(deps.options);
  const users = new UsersRepo(deps.db);
  const auditLog = new AuditRepo(deps.db);
  const metrics = deps.metrics ?? createMetrics();
  const appendAudit = createAudit(auditLog);
  // The audit log already names every state change; the application ones are also counted for Prometheus.
  const audit: Audit = async (req, action, subject, detail) => {
    await appendAudit(req, action, subject, detail);
    const event = APPLICATION_EVENTS[action];
    if (event) metrics.applicationEvents.inc({ event });
  };
  setCentreTimeZone(options.timeZone);
  const services: Services = {
    logger: deps.logger,
    health: deps.health,
    db: deps.db,
    dataDir: deps.dataDir,
    options,
    users,
    sessions: new SessionManager(new SessionsRepo(deps.db), users, options, deps.logger),
    limiter: new LoginLimiter(new LoginFailuresRepo(deps.db), options, deps.secret),
    auditLog,
    audit,
    applications: new ApplicationsRepo(deps.db),
    documents: new DocumentsRepo(deps.db),
    catalog: deps.catalog ?? formsCatalog,
    events: deps.events ?? new EventHub(),
    metrics,
    ...(deps.bots ? { bots: deps.bots, depthHistory: new DepthHistory(deps.bots, deps.logger) } : {}),
    ...(deps.boardQueues ? { boardQueues: deps.boardQueues } : {}),
    ...(deps.adminToken ? { adminToken: deps.adminToken } : {}),
    ...(deps.sms
      ? {
          sms: deps.sms,
          phoneVerification: new PhoneVerification(
            new PhoneVerificationsRepo(deps.db),
            deps.sms,
            deps.secret,
          ),
        }
      : {}),
  };
  if (deps.ocr) {
    services.reader = new DocumentReader({
      ocr: deps.ocr,
      documents: services.documents,
      applications: services.applications,
      events: services.events,
      dataDir: deps.dataDir,
      logger: deps.logger,
      refresh: (id) => refreshResolution(services, id),
      observe: (outcome, seconds) => metrics.ocrSeconds.observe({ outcome }, seconds),
    });
  }
  return services;
}
