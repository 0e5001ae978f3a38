import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import type { AttachedDocument, ItemRunRequest } from '../bots/item-runner.ts';
import { DECLARATIONS } from '../bots/portals/registry.ts';
import { BrowserPool } from '../bots/runtime/browser-pool.ts';
import { type PortalCheck, SEVERITY_ZH } from '../bots/runtime/census/findings.ts';
import { checkPortal } from '../bots/runtime/census/walk.ts';
import { resolveRunnerOptions } from '../bots/runtime/options.ts';
import { generateCreditCode } from '../forms/codes/index.ts';
import { resolveForm } from '../forms/derive/resolve.ts';
import { bundleDef, type FormValues, loadCase, mergeBundle, selectItems } from '../forms/index.ts';
import { projectItem } from '../forms/project/project.ts';
import { CaptchaReader } from '../ocr/captcha/reader.ts';
import { PORTAL_DEFINITIONS } from '../sandbox/catalog.ts';
import type { CompanyRegistry } from '../sandbox/kit/registry.ts';
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

/** The cases walked through the portals, in order: the first that includes a portal's item is its canary. */
const CANARY_CASES = ['reference', fileURLToPath(new URL('./canaries/restaurant.json', import.meta.url))];

interface CanaryCompany {
  name: string;
  creditCode: string;
  establishedDate: string;
}

/**
 * A company as market regulation would have approved it, registered in the sandbox's inter-agency registry
 * so the later items' departments know it.
 */
function registerCanaryCompany(registry: CompanyRegistry): CanaryCompany {
  const company = {
    name: '漳州巡检科技有限公司',
    creditCode: generateCreditCode({ region: '350603', serial: Math.floor(Math.random() * 900_000) }),
    establishedDate: new Date().toISOString().slice(0, 10),
  };
  registry.register({
    ...company,
    legalRepName: '林志远',
    legalRepIdNumber: '350603198506120316',
    regionCode: '350603',
    address: '福建省漳州市龙文区朝阳北路1号3幢501室',
    registrationAuthority: '漳州市龙文区市场监督管理局',
    registeredAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  return company;
}

interface Canary {
  items: ReadonlySet<string>;
  values: FormValues;
  documents: Record<string, AttachedDocument>;
}

/** A case resolved as the applicant would have it, with the earlier items' outputs for the canary company. */
async function canaryOf(
  file: string,
  company: CanaryCompany,
  draw: (id: string, kind: string) => AttachedDocument,
): Promise<Canary> {
  const formCase = await loadCase(file);
  const typed =
    'company.name' in formCase.typed ? { ...formCase.typed, 'company.name': company.name } : formCase.typed;
  const { values } = resolveForm(mergeBundle(formCase.bundle, formCase.choice), {
    typed,
    documents: formCase.documents,
    today: formCase.today,
    outputs: {
      'business-registration': {
        acceptanceNo: 'SL-CANARY',
        creditCode: company.creditCode,
        establishedDate: company.establishedDate,
      },
      'bank-account': {
        appointmentNo: 'YY-CANARY',
        accountNo: '1410020309200123456',
        bankName: '中国工商银行漳州龙文支行',
      },
    },
  });
  return {
    items: new Set(selectItems(bundleDef(formCase.bundle), formCase.choice)),
    values,
    documents: Object.fromEntries(formCase.documents.map((d) => [d.id, draw(d.id, d.kind)])),
  };
}

/** A picture standing for a photographed document (portals check an upload's type by its bytes). */
function drawDocument(dir: string, id: string, kind: string): AttachedDocument {
  const path = join(dir, `${id}.jpg`);
  picture(path, kind);
  return { path, fileName: `${id}.jpg`, mimeType: 'image/jpeg' };
}

/**
 * Checks the declarations of `portalIds` (all when empty) against the sandbox portals, started here on
 * free ports, with a canary case per item (the reference 开办企业 case, the restaurant) and a company
 * registered for the occasion in the sandbox registry, so the later items (tax, social insurance …) know it. Nothing is submitted.
 */
export async function checkSandboxPortals(portalIds: readonly string[]): Promise<CheckReport> {
  const dir = mkdtempSync(join(tmpdir(), 'yijian-check-'));
  const running = await startPortals({ basePort: 0, faults: { syncLagMs: 0, approvalDelayMs: 0 } });
  const pool = new BrowserPool({ size: 1, recycleAfterRuns: 20 });
  const captcha = new CaptchaReader();
  try {
    const company = registerCanaryCompany(running.shared.registry);
    const canaries = await Promise.all(
      CANARY_CASES.map((file) => canaryOf(file, company, (id, kind) => drawDocument(dir, id, kind))),
    );
    const report: CheckReport = { checks: [], skipped: [] };
    const settings = resolveRunnerOptions({ findTimeoutMs: 3000 });
    for (const declaration of DECLARATIONS) {
      if (portalIds.length > 0 && !portalIds.includes(declaration.portalId)) continue;
      const baseUrl = running.urls[declaration.portalId as keyof typeof running.urls];
      const canary = canaries.find((c) => c.items.has(declaration.itemId));
      const projection = canary ? projectItem(declaration.itemId, canary.values) : undefined;
      if (!baseUrl || !canary || !projection || projection.missing.length > 0) {
        report.skipped.push({
          portalId: declaration.portalId,
          reason: `没有含事项“${declaration.itemId}”的巡检案例，未检查`,
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
        documents: canary.documents,
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
