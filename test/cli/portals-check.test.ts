import { describe, expect, it } from 'vitest';
import { checkSandboxPortals, describeReport } from '../../cli/portals-check.ts';

/**
 * `yijian portals check`: a canary case walked through sandbox portals, nothing filed. Both portals in one
 * check, as `yijian portals check market-regulation food-licence` does: one sandbox and one browser.
 */
describe('yijian portals check', () => {
  it('walks every step of the market-regulation wizard and the layui food-licence form, finding no drift', async () => {
    const report = await checkSandboxPortals(['market-regulation', 'food-licence']);
    expect(report.skipped).toEqual([]);
    const check = (portalId: string) => report.checks.find((c) => c.portalId === portalId);
    expect(report.checks).toHaveLength(2);
    // The reference case through market regulation's five-step wizard.
    expect(check('market-regulation')?.stepsChecked).toHaveLength(5);
    expect(check('market-regulation')?.findings).toEqual([]);
    // The restaurant canary through the food-licence form.
    expect(check('food-licence')?.stepsChecked).toEqual(['填写食品经营许可申请']);
    expect(check('food-licence')?.findings).toEqual([]);
    expect(describeReport(report).split('\n')).toContain(
      'market-regulation（2026.11）：检查了 5 步，0 项发现',
    );
    // The time the two tests it replaces had between them.
  }, 60_000);
});
