import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declarationFor } from '../../bots/portals/registry.ts';
import { BrowserPool } from '../../bots/runtime/browser-pool.ts';
import type { DriftFinding, PortalCheck } from '../../bots/runtime/census/findings.ts';
import { checkPortal } from '../../bots/runtime/census/walk.ts';
import { resolveRunnerOptions } from '../../bots/runtime/options.ts';
import type { Drift } from '../../sandbox/kit/drift.ts';
import type { PortalId } from '../../sandbox/kit/portal.ts';
import { accountOf, laterRequest, registerCompany } from './support/later-items.ts';
import { RESTAURANT_DOCUMENTS, restaurantValues } from './support/restaurant.ts';
import { Sandbox } from './support/sandbox.ts';

describe('the drift check', () => {
  const sandbox = new Sandbox();
  const pool = new BrowserPool({ size: 1, recycleAfterRuns: 50 });
  const settings = resolveRunnerOptions({ findTimeoutMs: 2000 });

  beforeAll(async () => {
    await sandbox.start();
    await sandbox.control('housing-fund', '/notice', { method: 'PUT', body: { seconds: 1 } });
  });
  afterAll(async () => {
    await pool.close();
    await sandbox.stop();
  });

  const checkFood = (): Promise<PortalCheck> => {
    const declaration = declarationFor('food-business-licence');
    if (!declaration) throw new Error('no food-licence declaration');
    return checkPortal({ pool, settings }, declaration, {
      applicationId: 'canary',
      applicationRef: 'canary',
      itemId: 'food-business-licence',
      portalId: 'food-licence',
      baseUrl: sandbox.url('food-licence'),
      values: restaurantValues('food-business-licence', '漳州金丝雀餐饮有限公司'),
      documents: sandbox.documents(RESTAURANT_DOCUMENTS),
      credentials: accountOf('food-licence') ?? { username: '', password: '' },
      reconcile: false,
    });
  };

  const checkFund = async (): Promise<PortalCheck> => {
    const declaration = declarationFor('housing-fund');
    if (!declaration) throw new Error('no housing-fund declaration');
    const companyName = '漳州金丝雀软件有限公司';
    const { outputs } = registerCompany(sandbox, companyName);
    const request = await laterRequest(sandbox, 'housing-fund', 'housing-fund' as PortalId, {
      companyName,
      outputs,
    });
    return checkPortal({ pool, settings }, declaration, request);
  };

  it('finds nothing that fails on the unchanged portals, and files nothing', async () => {
    const food = await checkFood();
    const fund = await checkFund();
    expect(food.findings.filter((f) => f.severity !== 'cosmetic')).toEqual([]);
    expect(fund.findings.filter((f) => f.severity !== 'cosmetic')).toEqual([]);
    expect(fund.stepsChecked).toHaveLength(3);
    expect(await sandbox.submissions('food-licence')).toHaveLength(0);
    expect(await sandbox.submissions('housing-fund')).toHaveLength(0);
  });

  /** Each way a department changes its form, and what the check must say about it. */
  const FUND_DRIFTS: { drift: Drift; finding: Partial<DriftFinding>; text: RegExp }[] = [
    {
      drift: { kind: 'rename-label', label: '单位全称', to: '单位名称' },
      finding: { kind: 'binding-lost', severity: 'will-fail', field: 'unitName', step: '单位基本信息' },
      text: /找不到“unitName”的控件（标签“单位全称”）/,
    },
    {
      drift: { kind: 'add-required-field', label: '单位传真', after: '邮政编码' },
      finding: { kind: 'required-unbound', severity: 'will-fail', step: '单位基本信息' },
      text: /新增必填项“单位传真”/,
    },
    {
      drift: { kind: 'add-option', label: '单位性质', option: '港澳台投资企业' },
      finding: { kind: 'option-new', severity: 'cosmetic', field: 'unitNature' },
      text: /新增选项“港澳台投资企业”/,
    },
    {
      drift: { kind: 'remove-option', label: '单位类型', option: '社团法人' },
      finding: { kind: 'option-gone', severity: 'may-fail', field: 'unitType' },
      text: /选项中已没有“社团法人”，需要该项的申请将无法提交/,
    },
    {
      drift: { kind: 'swap-kind', label: '单位性质' },
      finding: { kind: 'kind-changed', severity: 'will-fail', field: 'unitNature' },
      text: /控件类型由 div-select 变为 text/,
    },
    {
      drift: { kind: 'insert-step', path: '/open/2' },
      finding: { kind: 'step-added', severity: 'will-fail', step: '缴存信息' },
      text: /未声明的页面（补充信息确认）/,
    },
  ];

  for (const { drift, finding, text } of FUND_DRIFTS) {
    it(`finds ${drift.kind} on the housing-fund portal with its severity`, async () => {
      await sandbox.setFaults('housing-fund', { drift: [drift] });
      try {
        const check = await checkFund();
        const found = check.findings.find((f) => f.kind === finding.kind);
        expect(found).toMatchObject(finding);
        expect(found?.message).toMatch(text);
        // Only the drift is found: nothing else on the portal is taken for a change.
        if (drift.kind === 'add-option' || drift.kind === 'remove-option')
          expect(check.findings).toHaveLength(1);
      } finally {
        await sandbox.setFaults('housing-fund', { drift: [] });
      }
      expect(await sandbox.submissions('housing-fund')).toHaveLength(0);
    });
  }

  it('finds the canary’s own option gone and a swapped layui widget on the food-licence portal', async () => {
    const items = restaurantValues('food-business-licence', 'x').items as string[];
    const gone = items[0] ?? '';
    await sandbox.setFaults('food-licence', {
      drift: [
        { kind: 'remove-option', label: '经营项目', option: gone },
        { kind: 'swap-kind', label: '主体业态' },
      ],
    });
    try {
      const check = await checkFood();
      expect(check.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'option-gone', severity: 'will-fail', field: 'items' }),
          expect.objectContaining({
            kind: 'kind-changed',
            severity: 'will-fail',
            field: 'format',
            message: '“主体业态”的控件类型由 layui-radio 变为 text',
          }),
        ]),
      );
      expect(check.findings.find((f) => f.kind === 'option-gone')?.message).toContain(`“${gone}”`);
    } finally {
      await sandbox.setFaults('food-licence', { drift: [] });
    }
    expect(await sandbox.submissions('food-licence')).toHaveLength(0);
  });
});
