import { describe, expect, it } from 'vitest';
import { newChineseContext } from '../../bots/browser/launch.ts';
import { fieldName, itemName } from '../../server/pages/admin/names.ts';
import { signIn } from './browser-sign-in.ts';
import { serverInChromium } from './server-in-chromium.ts';

describe('Chinese names for identifiers on admin pages', () => {
  it('names items and a department form’s fields, rows counted from 1', () => {
    expect(itemName('housing-fund')).toBe('住房公积金单位缴存登记');
    expect(fieldName('business-registration', 'members[0].name')).toBe('成员（第 1 行）姓名');
    expect(fieldName('business-registration', 'members[2].idNumber')).toBe('成员（第 3 行）证件号码');
    // Unknown stays visible as it is rather than disappearing.
    expect(fieldName('business-registration', 'nonsense.field')).toBe('nonsense.field');
    expect(itemName('no-such-item')).toBe('no-such-item');
  });

  describe('the audit log in Chromium', () => {
    const { web, browser } = serverInChromium({
      setUp: async (web) => {
        await web.addUser('admin', 'the.admin', 'Admin-pass-1', { name: '李管理' });
      },
    });

    it('shows actions, portals and items by name, never as identifiers', async () => {
      const entry = { actorId: null, actorName: '王窗口', actorRole: 'clerk', ip: '127.0.0.1' };
      await web.services.auditLog.append({
        ...entry,
        action: 'application.dispatch',
        subjectType: 'application',
        subjectId: '7a1c0c4e-0000-4000-8000-000000000001',
        detail: { items: ['business-registration', 'housing-fund'] },
      });
      await web.services.auditLog.append({
        ...entry,
        actorRole: 'admin',
        action: 'portal.pause',
        subjectType: 'portal',
        subjectId: 'housing-fund',
        detail: {},
      });
      const context = await newChineseContext(browser);
      const page = await context.newPage();
      await signIn(page, web.base, 'the.admin', 'Admin-pass-1');
      await page.goto(`${web.base}/admin/audit`);
      const table = page.locator('.table--audit');
      const text = await table.innerText();
      expect(text).toContain('一键报送各部门');
      expect(text).toContain('暂停部门系统队列');
      expect(text).toContain('住房公积金');
      expect(text).toContain('事项');
      for (const raw of [
        'application.dispatch',
        'portal.pause',
        'housing-fund',
        'business-registration',
        'items',
      ]) {
        expect(text).not.toContain(raw);
      }
      await context.close();
    }, 60_000);
  });
});
