import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DECLARATIONS } from '../bots/portals/registry.ts';
import { BrowserPool } from '../bots/runtime/browser-pool.ts';
import { checkPortal } from '../bots/runtime/census/walk.ts';
import { type CaptchaReader, resolveRunnerOptions } from '../bots/runtime/options.ts';
import type { Logger } from '../lib/logger.ts';
import type { DriftChecker } from '../queue/drift-processor.ts';
import type { PortalDirectory } from '../queue/plan-source.ts';
import { type Canary, type CanaryCompany, canaryRequest, loadCanaries, newCanaryCompany } from './canary.ts';

export interface DriftCheckerOptions {
  directory: PortalDirectory;
  /** Publishes the canary company where the departments look companies up, before the first check. */
  publishCompany: (company: CanaryCompany) => Promise<void>;
  readCaptcha?: CaptchaReader | undefined;
  chromiumPath?: string | undefined;
  logger: Logger;
}

export interface InstalledDriftChecker {
  check: DriftChecker;
  close(): Promise<void>;
}

/**
 * The drift check of a running installation: each portal at the address and with the account the bots
 * use (the admin's settings, else the sandbox portal), walked with the canary application in a browser of
 * its own (one context: checks run one at a time), so a check never takes a filing's browser.
 */
export function createDriftChecker(options: DriftCheckerOptions): InstalledDriftChecker {
  const dir = mkdtempSync(join(tmpdir(), 'yijian-drift-'));
  const pool = new BrowserPool({ size: 1, recycleAfterRuns: 10, chromiumPath: options.chromiumPath });
  const settings = resolveRunnerOptions({ findTimeoutMs: 3000 });
  let canaries: Promise<Canary[]> | undefined;
  const prepared = () => {
    canaries ??= (async () => {
      const company = newCanaryCompany();
      await options.publishCompany(company);
      return loadCanaries(company, dir);
    })().catch((error: unknown) => {
      canaries = undefined;
      throw error;
    });
    return canaries;
  };
  return {
    async check(portalId) {
      const declaration = DECLARATIONS.find((d) => d.portalId === portalId);
      if (!declaration) return { outcome: 'skipped', note: `没有门户“${portalId}”的声明` };
      const request = canaryRequest(
        declaration,
        await prepared(),
        await options.directory.baseUrl(portalId),
        await options.directory.credentials(portalId),
      );
      if ('skipped' in request) return { outcome: 'skipped', note: request.skipped };
      const check = await checkPortal(
        { pool, settings, readCaptcha: options.readCaptcha },
        declaration,
        request,
      );
      return {
        outcome: 'checked',
        version: check.version,
        stepsChecked: check.stepsChecked,
        findings: check.findings,
      };
    },
    async close() {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Publishes a company in the sandbox's inter-agency registry through its control API (the index app at
 * `indexUrl`, the token in `tokenFile`). Without a token file (no sandbox on this installation) nothing
 * is published: a real department knows the canary company or it does not.
 */
export function sandboxRegistryPublisher(indexUrl: string, tokenFile: string, logger: Logger) {
  return async (company: CanaryCompany): Promise<void> => {
    if (!existsSync(tokenFile)) return;
    const token = readFileSync(tokenFile, 'utf8').trim();
    const response = await fetch(`${indexUrl}/__sandbox/registry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(company),
      signal: AbortSignal.timeout(10_000),
    }).catch((error: unknown) => {
      logger.warn({ err: error }, '巡检企业未能登记到模拟门户');
      return undefined;
    });
    if (response && !response.ok) logger.warn({ status: response.status }, '巡检企业未能登记到模拟门户');
  };
}
