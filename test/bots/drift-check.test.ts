import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declarationFor } from '../../bots/portals/registry.ts';
import { BrowserPool } from '../../bots/runtime/browser-pool.ts';
import type { PortalCheck } from '../../bots/runtime/census/findings.ts';
import { checkPortal } from '../../bots/runtime/census/walk.ts';
import { resolveRunnerOptions } from '../../bots/runtime/options.ts';
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
});
