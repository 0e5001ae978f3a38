import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepRecord } from '../../bots/item-runner.ts';
import { fillStep } from '../../bots/runtime/fill.ts';
import { runStep } from '../../bots/runtime/step-runner.ts';
import type { StepDeclaration } from '../../bots/runtime/types.ts';
import { text } from '../../bots/runtime/widgets/index.ts';
import {
  type LocalPage,
  localRun,
  LOCAL_ORIGIN as ORIGIN,
  openLocalPage,
  serveSite,
} from './support/local-page.ts';
import { digitsAndLetters, maskCoverage, readableText, unmaskedPlaces } from './support/masking.ts';

const ID = '350603198506120316';
const MOBILE = '13805961234';
const NAME = '林志远';
const COMPANY = '漳州云启软件科技有限公司';

const STYLE = `<style>body{font:16px sans-serif;margin:24px}div{margin:8px 0}label{margin-right:8px}
.mask{position:fixed;inset:0;background:rgba(0,0,0,.45);z-index:1000}
.modal{position:fixed;top:80px;left:120px;width:460px;background:#fff;padding:16px;z-index:1001;font-size:18px}
td,th{border:1px solid #999;padding:6px 10px;font-size:20px}</style>`;

/** A form whose 提交 opens a confirmation dialog over it (the form stays filled behind the dialog). */
const FORM = `<!doctype html><html><head><meta charset="utf-8">${STYLE}</head><body>
<div><label>企业名称</label><input name="company"></div>
<div><label>法定代表人</label><input name="name"></div>
<div><label>身份证号</label><input name="id"></div>
<div><label>联系电话</label><input name="phone"></div>
<div><label>单位电话</label><input name="unitPhone"></div>
<button type="button" id="submit">提交</button>
<script>
document.getElementById('submit').onclick = () => {
  const v = (n) => document.querySelector('[name=' + n + ']').value;
  const layer = document.createElement('div');
  layer.innerHTML = '<div class="mask"></div><div class="modal" role="dialog"><h3>请确认申请信息</h3>'
    + '<p>法定代表人：' + v('name') + '</p><p>证件号码：' + v('id') + '</p><p>手机：' + v('phone') + '</p>'
    + '<button>确认提交</button></div>';
  // Teleported to the end of <body>, as the UI libraries do.
  document.body.appendChild(layer);
};
</script></body></html>`;

/**
 * The receipt repeats the applicant's ID number and mobile in text, spelt as printed (grouped, with dashes,
 * split over elements), in a table, in a frame, and once already masked (which may stay).
 */
const RECEIPT = `<!doctype html><html><head><meta charset="utf-8">${STYLE}</head><body>
<h2>受理回执</h2>
<table><tr><th>申请单位</th><td>${COMPANY}</td></tr>
<tr><th>法定代表人</th><td>${NAME}</td></tr>
<tr><th>身份证号</th><td>350603 19850612 0316</td></tr>
<tr><th>联系电话</th><td>138-0596-1234</td></tr>
<tr><th>核验号码</th><td><b>3506</b><span>0319850612</span>0316</td></tr>
<tr><th>已脱敏</th><td>3506************16</td></tr></table>
<p style="font-size:20px">申请人 ${NAME}（身份证 ${ID}，手机 ${MOBILE}）的申请已受理。</p>
<iframe src="/frame" style="width:600px;height:90px;border:2px solid #ccc"></iframe>
<dialog id="print"><p style="font-size:20px">打印前请核对：${ID}</p></dialog>
</body></html>`;

const FRAME = `<!doctype html><html><head><meta charset="utf-8">${STYLE}</head><body style="margin:8px">
<p style="font-size:20px">经办人手机 ${MOBILE}</p></body></html>`;

const serve = serveSite({ pages: { '/form': FORM, '/receipt': RECEIPT, '/frame': FRAME } });

/** Issue 16: sensitive values are masked wherever the page shows them, found by their text. */
describe('masking by text in step screenshots', () => {
  let local: LocalPage;
  let page: Page;
  const steps: StepRecord[] = [];

  beforeAll(async () => {
    local = await openLocalPage(serve);
    ({ page } = local);
  });
  afterAll(() => local?.close());

  const values = {
    companyName: COMPANY,
    'legalRep.name': NAME,
    'legalRep.idNumber': ID,
    'legalRep.phone': MOBILE,
    // The company's phone is the legal representative's mobile, bound under a name that says nothing.
    unitPhone: MOBILE,
  };

  const run = () =>
    localRun(page, {
      values,
      step: async (record) => {
        steps.push(record);
      },
    });

  const form: StepDeclaration = {
    name: '填写',
    ready: { text: '企业名称' },
    fields: [
      { field: 'companyName', find: { label: '企业名称' }, widget: text() },
      { field: 'legalRep.name', find: { label: '法定代表人' }, widget: text() },
      { field: 'legalRep.idNumber', find: { label: '身份证号' }, widget: text() },
      { field: 'legalRep.phone', find: { label: '联系电话' }, widget: text() },
      // Not personal by its binding: only its value says so.
      { field: 'unitPhone', find: { label: '单位电话' }, widget: text(), personal: false },
    ],
  };

  const stepNamed = (name: string) => {
    const step = steps.find((s) => s.name === name);
    if (!step?.screenshot || !step.masking) throw new Error(`no screenshot for ${name}`);
    return { ...step, screenshot: step.screenshot, masking: step.masking };
  };

  it('covers the values in the form, in a dialog over it and on a receipt that repeats them', async () => {
    const bot = run();
    await page.goto(`${ORIGIN}/form`);
    await runStep(bot, '填写', async () => {
      await fillStep(bot, page, form);
    });
    await runStep(bot, '确认对话框', async () => {
      await page.click('#submit');
      await page.getByRole('dialog').waitFor();
    });
    await runStep(bot, '读取回执', async () => {
      await page.goto(`${ORIGIN}/receipt`);
      await page.frameLocator('iframe').getByText('经办人手机').waitFor();
    });
    await runStep(bot, '打印提示', async () => {
      await page.evaluate(() => (document.getElementById('print') as HTMLDialogElement).showModal());
    });
    expect(steps.map((s) => `${s.name}:${s.status}`)).toEqual([
      '填写:ok',
      '确认对话框:ok',
      '读取回执:ok',
      '打印提示:ok',
    ]);
    // Found by text: four inputs (the name, ID and both phones); then those and the dialog's three lines;
    // on the receipt the name twice, the grouped ID, the dashed mobile, the split ID, the sentence's ID and
    // mobile, and the frame's mobile; then the top-layer dialog's ID as well.
    expect(stepNamed('填写').masking.found.length).toBeGreaterThanOrEqual(4);
    expect(stepNamed('确认对话框').masking.found.length).toBeGreaterThanOrEqual(7);
    expect(stepNamed('读取回执').masking.found.length).toBeGreaterThanOrEqual(8);
    expect(stepNamed('打印提示').masking.found.length).toBeGreaterThanOrEqual(9);
  }, 60_000);

  it('shows solid mask colour over every place it found, the dialog and the top layer included', async () => {
    const keep = process.env.YIJIAN_KEEP_SHOTS;
    if (keep)
      for (const s of steps) writeFileSync(join(keep, `text-masking-${s.name}.jpg`), s.screenshot ?? '');
    expect(await unmaskedPlaces(steps)).toEqual([]);
  });

  it('leaves what is not sensitive readable: the company, the label, the already masked number', async () => {
    const receipt = stepNamed('读取回执');
    const company = await page.getByText(COMPANY).boundingBox();
    const masked = await page.getByText('3506************16').boundingBox();
    if (!company || !masked) throw new Error('receipt cells not found');
    const [companyCover, maskedCover] = await maskCoverage(receipt.screenshot, [company, masked]);
    expect(companyCover).toBeLessThan(0.05);
    expect(maskedCover).toBeLessThan(0.05);
  });

  it('leaves no ID number or mobile that OCR can read, where an unmasked picture of the page gives them away', async () => {
    await page.goto(`${ORIGIN}/receipt`);
    await page.frameLocator('iframe').getByText('经办人手机').waitFor();
    const unmasked = await page.screenshot({ type: 'jpeg', quality: 80, fullPage: true });
    // OCR costs seconds a picture: the steps whose pages repeat the numbers in text.
    const shown = steps.filter((s) => s.name !== '填写');
    const [plain, ...masked] = await readableText([
      unmasked,
      ...shown.map((s) => s.screenshot ?? Buffer.alloc(0)),
    ]);
    // The control: OCR does read the numbers where nothing covers them.
    expect(digitsAndLetters(plain ?? '')).toContain(MOBILE);
    for (const [i, read] of masked.entries()) {
      const seen = digitsAndLetters(read);
      expect(seen.includes(ID) || seen.includes(MOBILE), `${shown[i]?.name}: ${seen}`).toBe(false);
      // Not even the middle of the ID (birth date) nor the mobile's last eight digits.
      expect(seen.includes(ID.slice(6, 14)), `${shown[i]?.name}`).toBe(false);
      expect(seen.includes(MOBILE.slice(3)), `${shown[i]?.name}`).toBe(false);
    }
  }, 180_000);

  it('finds the values fast enough to take on every step', () => {
    const costs = steps.map((s) => s.masking?.searchMs ?? 0);
    // Each search and its boxes cost milliseconds, not a noticeable part of a step.
    expect(Math.max(...costs)).toBeLessThan(500);
    console.info(`text masking per screenshot: ${costs.map((ms) => ms.toFixed(1)).join(', ')} ms`);
  });
});
