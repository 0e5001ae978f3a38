import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Express } from 'express';
import { type Logger, silentLogger } from '../lib/logger.ts';
import { PORTAL_DEFINITIONS } from './catalog.ts';
import { createIndexApp } from './index-app.ts';
import { createPortalApp, type PortalApp } from './kit/app.ts';
import type { FaultPatch } from './kit/faults.ts';
import { PORTAL_IDS, type PortalId, type PortalsShared } from './kit/portal.ts';
import { CompanyRegistry } from './kit/registry.ts';
import { TicketAuthority } from './kit/sso.ts';

export interface StartPortalsOptions {
  /** DATA_DIR: state is kept under <dataDir>/portals and survives a restart; in memory when absent. */
  dataDir?: string | undefined;
  /** Port of the index; the unified login and the departments take the next ones (PORTAL_IDS order). 0: free ports. */
  basePort?: number;
  host?: string;
  /** Default fault settings of every portal, then per portal. */
  faults?: FaultPatch;
  faultsByPortal?: Partial<Record<PortalId, FaultPatch>>;
  /** The control API's bearer token; default: kept in <dataDir>/portals/control-token, or random. */
  controlToken?: string;
  logger?: Logger;
  /** How often due transitions (approvals) are applied. */
  tickMs?: number;
}

export interface RunningPortals {
  /** Base URL of the index and of every running app. */
  urls: { index: string } & Partial<Record<PortalId, string>>;
  controlToken: string;
  /** Where the token is kept (when dataDir is set). */
  controlTokenFile?: string;
  apps: Partial<Record<PortalId, PortalApp>>;
  shared: PortalsShared;
  stop(): Promise<void>;
}

export const CONTROL_TOKEN_FILE = 'control-token';

function resolveToken(stateDir: string | undefined, given: string | undefined): string {
  if (given) return given;
  if (!stateDir) return randomBytes(24).toString('base64url');
  const file = join(stateDir, CONTROL_TOKEN_FILE);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 24) return kept;
  }
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    server.once('error', reject);
  });
}

/**
 * Starts the index, the unified login and every department portal of the catalog, each on its own port.
 * For `yijian portals`, tests and benchmarks.
 */
export async function startPortals(options: StartPortalsOptions = {}): Promise<RunningPortals> {
  const host = options.host ?? '127.0.0.1';
  const basePort = options.basePort ?? 4100;
  const logger = options.logger ?? silentLogger;
  const stateDir = options.dataDir ? join(options.dataDir, 'portals') : undefined;
  const controlToken = resolveToken(stateDir, options.controlToken);
  const shared: PortalsShared = {
    registry: new CompanyRegistry({ dir: stateDir }),
    tickets: new TicketAuthority(),
    urls: {},
    logger,
  };
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const servers: Server[] = [];
  const apps: Partial<Record<PortalId, PortalApp>> = {};
  const urlOf = (server: Server) => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return `http://${shownHost}:${port}`;
  };
  const portFor = (offset: number) => (basePort === 0 ? 0 : basePort + offset);

  try {
    for (const definition of PORTAL_DEFINITIONS) {
      const portal = createPortalApp(definition, {
        shared,
        dataDir: stateDir,
        controlToken,
        faults: { ...options.faults, ...options.faultsByPortal?.[definition.id] },
        logger,
      });
      const server = await listen(portal.app, portFor(PORTAL_IDS.indexOf(definition.id) + 1), host);
      servers.push(server);
      apps[definition.id] = portal;
      shared.urls[definition.id] = urlOf(server);
    }
    const index = createIndexApp({ shared, apps, controlToken });
    const indexServer = await listen(index, portFor(0), host);
    servers.push(indexServer);
    shared.urls.index = urlOf(indexServer);
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }

  const timer = setInterval(() => {
    for (const portal of Object.values(apps)) portal.tick();
  }, options.tickMs ?? 250);
  timer.unref();
  for (const portal of Object.values(apps)) portal.tick();

  return {
    urls: { ...shared.urls, index: shared.urls.index ?? '' },
    controlToken,
    ...(stateDir ? { controlTokenFile: join(stateDir, CONTROL_TOKEN_FILE) } : {}),
    apps,
    shared,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(servers.map(closeServer));
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
