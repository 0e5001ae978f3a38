import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { AttachedDocument, ItemRunRequest } from '../bots/item-runner.ts';
import { DECLARATIONS } from '../bots/portals/registry.ts';
import { BrowserPool } from '../bots/runtime/browser-pool.ts';
import { type PortalCheck, SEVERITY_ZH } from '../bots/runtime/census/findings.ts';
import { checkPortal } from '../bots/runtime/census/walk.ts';
import { resolveRunnerOptions } from '../bots/runtime/options.ts';
import { generateCreditCode } from '../forms/codes/index.ts';
import { resolveForm } from '../forms/derive/resolve.ts';
import { bundleDef, loadCase, mergeBundle, selectItems } from '../forms/index.ts';
import { projectItem } from '../forms/project/project.ts';
import { CaptchaReader } from '../ocr/captcha/reader.ts';
import { PORTAL_DEFINITIONS } from '../sandbox/catalog.ts';
import { startPortals } from '../sandbox/start.ts';
import { UNIFIED_LOGIN_ACCOUNTS } from '../sandbox/unified-login/portal.ts';

/** A portal the check could not walk, and why (no canary for its item). */
export interface SkippedPortal {
  portalId: string;
  reason: string;
}

export interface CheckReport {
  checks: PortalCheck[];
  skipped: SkippedPortal[];
}

const picture = (path: string, title: string) => {
  const canvas = createCanvas(480, 300);
  const g = canvas.getContext('2d');
  g.fillStyle = '#f3f6fa';
  g.fillRect(0, 0, 480, 300);
  g.fillStyle = '#1f2d3d';
  g.font = '24px sans-serif';
  g.fillText(title, 30, 150);
  writeFileSync(path, canvas.toBuffer('image/jpeg'));
};

/**
 * Checks the declarations of `portalIds` (all when empty) against the sandbox portals, started here on
 * free ports, with the reference 开办企业 case as the canary: a company registered for the occasion in the
 * sandbox registry, so the later items (tax, social insurance …) know it. Nothing is submitted.
 */
export async function checkSandboxPortals(portalIds: readonly string[]): Promise<CheckReport> {
  const dir = mkdtempSync(join(tmpdir(), 'yijian-check-'));
  const running = await startPortals({ basePort: 0, faults: { syncLagMs: 0, approvalDelayMs: 0 } });
  const pool = new BrowserPool({ size: 1, recycleAfterRuns: 20 });
  const captcha = new CaptchaReader();
  try {
    const formCase = await loadCase('reference');
    const companyName = `${String(formCase.typed['company.name'] ?? '').replace(/有限公司$/, '')}巡检有限公司`;
    const creditCode = generateCreditCode({ region: '350603', serial: Math.floor(Math.random() * 900_000) });
    const today = new Date().toISOString().slice(0, 10);
    running.shared.registry.register({
      creditCode,
      name: companyName,
      legalRepName: '林志远',
      legalRepIdNumber: '350603198506120316',
      regionCode: '350603',
      address: '福建省漳州市龙文区朝阳北路1号3幢501室',
      establishedDate: today,
      registrationAuthority: '漳州市龙文区市场监督管理局',
      registeredAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const { values } = resolveForm(mergeBundle(formCase.bundle, formCase.choice), {
      typed: { ...formCase.typed, 'company.name': companyName },
      documents: formCase.documents,
      today: formCase.today,
      outputs: {
        'business-registration': { acceptanceNo: 'SL-CANARY', creditCode, establishedDate: today },
        'bank-account': {
          appointmentNo: 'YY-CANARY',
          accountNo: '1410020309200123456',
          bankName: '中国工商银行漳州龙文支行',
        },
      },
    });
    const documents: Record<string, AttachedDocument> = {};
    for (const reading of formCase.documents) {
      const path = join(dir, `${reading.id}.jpg`);
      picture(path, reading.kind);
      documents[reading.id] = { path, fileName: `${reading.id}.jpg`, mimeType: 'image/jpeg' };
    }
    const items = new Set(selectItems(bundleDef(formCase.bundle), formCase.choice));
    const report: CheckReport = { checks: [], skipped: [] };
    const settings = resolveRunnerOptions({ findTimeoutMs: 3000 });
    for (const declaration of DECLARATIONS) {
      if (portalIds.length > 0 && !portalIds.includes(declaration.portalId)) continue;
      const baseUrl = running.urls[declaration.portalId as keyof typeof running.urls];
      const projection = items.has(declaration.itemId) ? projectItem(declaration.itemId, values) : undefined;
      if (!baseUrl || !projection || projection.missing.length > 0) {
        report.skipped.push({
          portalId: declaration.portalId,
          reason: `参考案例不含事项“${declaration.itemId}”，未检查`,
        });
        continue;
      }
      const definition = PORTAL_DEFINITIONS.find((d) => d.id === declaration.portalId);
      const account =
        declaration.portalId === 'market-regulation' ? UNIFIED_LOGIN_ACCOUNTS[0] : definition?.accounts[0];
      const request: ItemRunRequest = {
        applicationId: 'canary',
        applicationRef: 'YJ-CANARY',
        itemId: declaration.itemId,
        portalId: declaration.portalId,
        baseUrl,
        values: projection.values,
        documents,
        ...(account ? { credentials: { username: account.username, password: account.password } } : {}),
        reconcile: false,
      };
      report.checks.push(
        await checkPortal(
          { pool, settings, readCaptcha: async (png) => (await captcha.read(png))?.text },
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
