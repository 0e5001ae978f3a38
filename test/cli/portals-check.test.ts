import { describe, expect, it } from 'vitest';
import { checkSandboxPortals, describeReport } from '../../cli/portals-check.ts';

/** `yijian portals check`: the reference case walked through a sandbox portal, nothing filed. */
describe('yijian portals check', () => {
  it('walks every step of the market-regulation wizard and finds no drift', async () => {
    const report = await checkSandboxPortals(['market-regulation']);
    expect(report.checks).toHaveLength(1);
    const [check] = report.checks;
    expect(check?.stepsChecked).toHaveLength(5);
    expect(check?.findings).toEqual([]);
    expect(describeReport(report)).toBe('market-regulation（2026.11）：检查了 5 步，0 项发现\n');
  });

  it('walks the layui food-licence form with the restaurant canary', async () => {
    const report = await checkSandboxPortals(['food-licence']);
    expect(report.skipped).toEqual([]);
    expect(report.checks.map((c) => [c.portalId, c.stepsChecked, c.findings])).toEqual([
      ['food-licence', ['填写食品经营许可申请'], []],
    ]);
  });
});
