import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newChineseContext } from '../../bots/browser/launch.ts';
import { createOcrService, type OcrService } from '../../ocr/service.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { bridgeQueueEvents } from '../../server/events/queue-bridge.ts';
import type { Role } from '../../store/users.repo.ts';
import {
  startThrowawayInstallation,
  type ThrowawayInstallation,
} from '../../test/server/throwaway-installation.ts';

/**
 * The installation the screenshots are taken on: as the browser tests run it (PGlite in memory, the real
 * queue on a Redis of its own with scripted bots, real OCR), with the 龙文 centre and its people, all
 * fictitious — the reference case's three persons, a clerk and an admin.
 */
export const PEOPLE = {
  applicant: { login: '13805961234', password: 'Owner-pass-1', name: '林志远' },
  second: { login: '13905961235', password: 'Owner-pass-1', name: '陈晓梅' },
  third: { login: '18650123456', password: 'Owner-pass-1', name: '黄思琪' },
  clerk: { login: 'clerk.longwen', password: 'Clerk-pass-1', name: '王窗口' },
  admin: { login: 'the.admin', password: 'Admin-pass-1', name: '李管理' },
} as const;
export type Person = keyof typeof PEOPLE;

const ROLE_OF: Record<Person, Role> = {
  applicant: 'applicant',
  second: 'applicant',
  third: 'applicant',
  clerk: 'clerk',
  admin: 'admin',
};

export const DESKTOP = { width: 1280, height: 860 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export type Device = 'desktop' | 'phone';

export interface Stage extends ThrowawayInstallation {
  browser: Browser;
  /** Each person's user id. */
  ids: Record<Person, string>;
  /** A signed-in page of `person` on `device` (one per pair, kept for the run). */
  page(person: Person, device: Device): Promise<Page>;
  /** A page nobody is signed in on. */
  visitor(device: Device): Promise<Page>;
  stop(): Promise<void>;
}

export async function startStage(): Promise<Stage> {
  let ocr: Promise<OcrService> | undefined;
  const installation = await startThrowawayInstallation('shots', (bots) => ({
    boardQueues: bots.queues,
    ocr: () => (ocr ??= createOcrService({ workers: 1 })),
  }));
  const { services, bots, base } = installation;
  const stopBridge = await bridgeQueueEvents({
    redisUrl: bots.redisUrl,
    hub: services.events,
    applications: services.applications,
    logger: services.logger,
  });
  await services.users.upsertCentre({ id: 'longwen', name: '龙文区政务服务中心' });
  const ids = {} as Record<Person, string>;
  for (const [person, who] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const role = ROLE_OF[person];
    const user = await services.users.create({
      role,
      login: who.login,
      displayName: who.name,
      passwordHash: await hashPassword(who.password, 1024),
      centreId: role === 'clerk' ? 'longwen' : null,
    });
    ids[person] = user.id;
  }
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const pages = new Map<string, Promise<Page>>();
  const open = async (device: Device): Promise<Page> => {
    const context = await newChineseContext(browser, {
      viewport: device === 'phone' ? PHONE : DESKTOP,
      deviceScaleFactor: 1,
      ...(device === 'phone' ? { isMobile: true, hasTouch: true } : {}),
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    return page;
  };
  const signIn = async (person: Person, device: Device): Promise<Page> => {
    const page = await open(device);
    await page.goto(`${base}/login`);
    await page.getByLabel('手机号或用户名').fill(PEOPLE[person].login);
    await page.getByLabel('密码').fill(PEOPLE[person].password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    return page;
  };
  return {
    ...installation,
    browser,
    ids,
    page(person, device) {
      const key = `${person}/${device}`;
      let page = pages.get(key);
      if (!page) {
        page = signIn(person, device);
        pages.set(key, page);
      }
      return page;
    },
    visitor: open,
    async stop() {
      for (const context of contexts) await context.close();
      await browser.close();
      await stopBridge?.();
      services.depthHistory?.stop();
      services.events.disconnectAll();
      await services.reader?.settled();
      await installation.close();
      await (await ocr)?.close();
    },
  };
}
