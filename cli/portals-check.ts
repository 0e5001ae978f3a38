import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DECLARATIONS } from '../bots/portals/registry.ts';
import { BrowserPool } from '../bots/runtime/browser-pool.ts';
import { type PortalCheck, SEVERITY_ZH } from '../bots/runtime/census/findings.ts';
import type { PageCensus } from '../bots/runtime/census/types.ts';
import { checkPortal } from '../bots/runtime/census/walk.ts';
import { resolveRunnerOptions } from '../bots/runtime/options.ts';
import type { StepDeclaration } from '../bots/runtime/types.ts';
import { CaptchaReader } from '../ocr/captcha/reader.ts';
import { PORTAL_DEFINITIONS } from '../sandbox/catalog.ts';
import { startPortals } from '../sandbox/start.ts';
import { UNIFIED_LOGIN_ACCOUNTS } from '../sandbox/unified-login/portal.ts';
import { canaryRequest, loadCanaries, newCanaryCompany } from './canary.ts';

/** A portal the check could not walk, and why (no canary for its item). */
export interface SkippedPortal {
  portalId: string;
  reason: string;
}

export interface CheckReport {
  checks: PortalCheck[];
  skipped: SkippedPortal[];
}

/** The sandbox's own account of a portal (market regulation logs in through the unified login). */
export function sandboxAccount(portalId: string): { username: string; password: string } | undefined {
  const definition = PORTAL_DEFINITIONS.find((d) => d.id === portalId);
  const account = portalId === 'market-regulation' ? UNIFIED_LOGIN_ACCOUNTS[0] : definition?.accounts[0];
  return account ? { username: account.username, password: account.password } : undefined;
}

/**
 * Checks the declarations of `portalIds` (all when empty) against the sandbox portals, started here on
 * free ports, with a canary case per item (see canary.ts) and its company registered in the sandbox
 * registry. Nothing is submitted.
 */
export async function checkSandboxPortals(
  portalIds: readonly string[],
  options: { onCensus?: (portalId: string, step: StepDeclaration, census: PageCensus) => void } = {},
): Promise<CheckReport> {
  const dir = mkdtempSync(join(tmpdir(), 'yijian-check-'));
  const running = await startPortals({ basePort: 0, faults: { syncLagMs: 0, approvalDelayMs: 0 } });
  const pool = new BrowserPool({ size: 1, recycleAfterRuns: 20 });
  const captcha = new CaptchaReader();
  try {
    const company = newCanaryCompany();
    running.shared.registry.register(company);
    const canaries = await loadCanaries(company, dir);
    const report: CheckReport = { checks: [], skipped: [] };
    const settings = resolveRunnerOptions({ findTimeoutMs: 3000 });
    for (const declaration of DECLARATIONS) {
      if (portalIds.length > 0 && !portalIds.includes(declaration.portalId)) continue;
      const baseUrl = running.urls[declaration.portalId as keyof typeof running.urls];
      const request = baseUrl
        ? canaryRequest(declaration, canaries, baseUrl, sandboxAccount(declaration.portalId))
        : { skipped: '模拟门户未运行，未检查' };
      if ('skipped' in request) {
        report.skipped.push({ portalId: declaration.portalId, reason: request.skipped });
        continue;
      }
      report.checks.push(
        await checkPortal(
          {
            pool,
            settings,
            readCaptcha: async (png) => (await captcha.read(png))?.text,
            ...(options.onCensus
              ? {
                  onCensus: (step: StepDeclaration, census: PageCensus) =>
                    options.onCensus?.(declaration.portalId, step, census),
                }
              : {}),
          },
          declaration,
          request,
        ),
      );
    }
    return report;
  } finally {
    await pool.close();
    await running.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The report as an admin reads it in a terminal. */
export function describeReport(report: CheckReport): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    const failing = check.findings.filter((f) => f.severity === 'will-fail').length;
    lines.push(
      `${check.portalId}（${check.version}）：检查了 ${check.stepsChecked.length} 步，${check.findings.length} 项发现${failing ? `，其中 ${failing} 项必定失败` : ''}`,
    );
    for (const f of check.findings) lines.push(`  [${SEVERITY_ZH[f.severity]}] ${f.step}：${f.message}`);
  }
  for (const skipped of report.skipped) lines.push(`${skipped.portalId}：${skipped.reason}`);
  return `${lines.join('\n')}\n`;
}
