import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declarationFor } from '../../bots/portals/registry.ts';
import { BrowserPool } from '../../bots/runtime/browser-pool.ts';
import type { PortalCheck } from '../../bots/runtime/census/findings.ts';
import { checkPortal } from '../../bots/runtime/census/walk.ts';
import { resolveRunnerOptions } from '../../bots/runtime/options.ts';
import type { PortalId } from '../../sandbox/kit/portal.ts';
import { restaurantRequest, restaurantValues } from './support/restaurant.ts';
import { Sandbox } from './support/sandbox.ts';

/**
 * The drift check on the portals drawn by a Vue component library (outdoor-sign on Ant Design Vue,
 * fire-safety on TDesign): their selects and radios are read as a person opens them, so an option the
 * department removes or adds is found, and nothing is filed.
 */
describe('the drift check on the Ant Design Vue and TDesign portals', () => {
  const sandbox = new Sandbox();
  const pool = new BrowserPool({ size: 1, recycleAfterRuns: 50 });
  const settings = resolveRunnerOptions({ findTimeoutMs: 2000 });

  beforeAll(() => sandbox.start());
  afterAll(async () => {
    await pool.close();
    await sandbox.stop();
  });

  const check = (itemId: string, portalId: PortalId): Promise<PortalCheck> => {
    const declaration = declarationFor(itemId);
    if (!declaration) throw new Error(`no declaration for ${itemId}`);
    const request = restaurantRequest(sandbox, { itemId, portalId }, '漳州金丝雀餐饮有限公司', {
      applicationId: 'canary',
      applicationRef: 'canary',
    });
    return checkPortal({ pool, settings }, declaration, request);
  };

  /** The findings of a check on `portalId` while it drifts as `drift` says, then back to normal. */
  const drifted = async (itemId: string, portalId: PortalId, drift: unknown[]) => {
    await sandbox.setFaults(portalId, { drift });
    try {
      return (await check(itemId, portalId)).findings;
    } finally {
      await sandbox.setFaults(portalId, { drift: [] });
    }
  };

  it('finds nothing that fails on the unchanged portals, and files nothing', async () => {
    const sign = await check('signboard', 'outdoor-sign');
    const fire = await check('fire-safety', 'fire-safety');
    expect(sign.findings.filter((f) => f.severity !== 'cosmetic')).toEqual([]);
    expect(fire.findings.filter((f) => f.severity !== 'cosmetic')).toEqual([]);
    expect(sign.stepsChecked).toHaveLength(1);
    expect(fire.stepsChecked).toHaveLength(1);
    expect(await sandbox.submissions('outdoor-sign')).toHaveLength(0);
    expect(await sandbox.submissions('fire-safety')).toHaveLength(0);
  });

  it('finds options gone from and new in an antd select, radios and a checkbox group', async () => {
    const material = String(restaurantValues('signboard', 'x').material);
    const findings = await drifted('signboard', 'outdoor-sign', [
      { kind: 'remove-option', label: '材质', option: material },
      { kind: 'add-option', label: '是否发光', option: '部分发光' },
      { kind: 'remove-option', label: '承诺事项', option: '按规定做好日常维护和安全检查' },
    ]);
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'option-gone',
          severity: 'will-fail',
          field: 'material',
          message: `“材质”的选项中已没有“${material}”（参考案例要选的项）`,
        }),
        expect.objectContaining({
          kind: 'option-new',
          severity: 'cosmetic',
          field: 'illuminated',
          message: '“是否发光”新增选项“部分发光”',
        }),
        expect.objectContaining({ kind: 'option-gone', severity: 'will-fail', field: 'pledges' }),
      ]),
    );
    expect(findings).toHaveLength(3);
    expect(await sandbox.submissions('outdoor-sign')).toHaveLength(0);
  });

  it('finds options gone from and new in a TDesign select and radios', async () => {
    const findings = await drifted('fire-safety', 'fire-safety', [
      { kind: 'remove-option', label: '场所类型', option: '餐饮场所' },
      { kind: 'add-option', label: '场所类型', option: '医疗机构' },
      { kind: 'remove-option', label: '证件类型', option: '护照' },
      { kind: 'add-option', label: '证件类型', option: '外国人永久居留身份证' },
    ]);
    const own = findings.filter((f) => f.kind.startsWith('option-'));
    expect(own.map((f) => `${f.severity} ${f.field} ${f.message}`).sort()).toEqual(
      [
        'will-fail venueType “场所类型”的选项中已没有“餐饮场所”（参考案例要选的项）',
        'cosmetic venueType “场所类型”新增选项“医疗机构”',
        'may-fail responsible.idType “证件类型”的选项中已没有“护照”，需要该项的申请将无法提交',
        'cosmetic responsible.idType “证件类型”新增选项“外国人永久居留身份证”',
      ].sort(),
    );
    expect(await sandbox.submissions('fire-safety')).toHaveLength(0);
  });
});
