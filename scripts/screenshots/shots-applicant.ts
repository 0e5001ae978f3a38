import type { Page } from 'playwright-core';
import type { Camera } from './camera.ts';
import type { Stage } from './stage.ts';

/** Opens every fold of the page, so a picture shows what the folds hold. */
export const openFolds = async (page: Page): Promise<void> => {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.setAttribute('open', '');
    const bar = document.querySelector<HTMLElement>('.actions--sticky');
    if (bar) bar.style.position = 'static';
  });
};

/**
 * The visitor's and the applicant's screens: home, registration and its SMS check, the list, choosing a
 * 一件事, materials read by OCR, the merged form, the SMS code a portal asks for (and refuses once), and the
 * finished application with its 好差评 (an item handed to the counter: shots-clerk.ts).
 */
export async function shootApplicant(
  stage: Stage,
  camera: Camera,
  ids: { draft: string; done: string; sms: string },
): Promise<void> {
  const { base } = stage;
  for (const [index, device] of (['desktop', 'phone'] as const).entries()) {
    const visitor = await stage.visitor(device);
    await visitor.goto(base);
    await camera.shoot(visitor, 'visitor-home', device);
    await visitor.goto(`${base}/register`);
    await camera.shoot(visitor, 'applicant-register', device);
    await visitor.getByLabel('姓名').fill('郑雨桐');
    await visitor.getByLabel('手机号').fill(`1391234567${String(index)}`);
    await visitor.getByLabel('设置密码').fill('Phone-pass-7');
    await visitor.getByLabel('确认密码').fill('Phone-pass-7');
    await visitor.getByLabel(/我同意/).check();
    await visitor.getByRole('button', { name: '获取短信验证码' }).click();
    await visitor.getByRole('heading', { name: '验证手机号' }).waitFor();
    await camera.shoot(visitor, 'applicant-register-verify', device);
  }

  await camera.both('applicant', '/my', 'applicant-list');
  await camera.both('applicant', '/my/new', 'applicant-new');
  await camera.both('applicant', `/my/applications/${ids.draft}/materials`, 'applicant-materials');
  await camera.both('applicant', `/my/applications/${ids.draft}/materials`, 'applicant-readings', {
    viewportOnly: true,
    before: (page) => page.locator('[data-readings]').first().scrollIntoViewIfNeeded(),
  });
  await camera.both('applicant', `/my/applications/${ids.draft}/form`, 'applicant-form');
  await camera.both('applicant', `/my/applications/${ids.draft}/form`, 'applicant-form-persons', {
    element: '#section-persons',
    before: openFolds,
  });

  // The seal portal's question, then the same after the portal refused the code typed.
  await camera.both('applicant', `/my/applications/${ids.sms}`, 'applicant-sms');
  const phone = await stage.page('applicant', 'phone');
  await phone.goto(`${base}/my/applications/${ids.sms}`);
  const seal = phone.locator('li[data-item="seal-engraving"]');
  stage.bots.runner.refusedSmsCodes.add('135790');
  await seal.getByLabel('短信验证码').fill('135790');
  await seal.getByRole('button', { name: '提交', exact: true }).click();
  await seal.getByText('验证码不正确，已重新发送。').waitFor({ timeout: 30_000 });
  await camera.both('applicant', `/my/applications/${ids.sms}`, 'applicant-sms-refused', {
    before: (page) => page.locator('li[data-item="seal-engraving"]').scrollIntoViewIfNeeded(),
  });

  await camera.both('applicant', `/my/applications/${ids.done}`, 'applicant-completed');
}
