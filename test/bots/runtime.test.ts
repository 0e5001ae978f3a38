import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { PortalChangedError, PortalUnavailableError, ValueRejectedError } from '../../bots/errors/index.ts';
import type { AttachedDocument } from '../../bots/item-runner.ts';
import { BrowserPool } from '../../bots/runtime/browser-pool.ts';
import { findSliderGap } from '../../bots/runtime/captcha/slider-gap.ts';
import { fillStep, readBack } from '../../bots/runtime/fill.ts';
import { busyText } from '../../bots/runtime/health.ts';
import { findOne } from '../../bots/runtime/locate.ts';
import { resolveRunnerOptions } from '../../bots/runtime/options.ts';
import { isPersonalField, maskValue } from '../../bots/runtime/personal.ts';
import { divSelect, readAndAccept, text, upload } from '../../bots/runtime/widgets/index.ts';
import { newPuzzle, renderPuzzle } from '../../sandbox/bank/slider.ts';
import { localRun } from './support/local-page.ts';

/** The runtime's parts on their own: the slider solver, the pool's recycling, strict locators, masking. */
describe('bot runtime', () => {
  it('finds the gap of slider CAPTCHAs by image analysis, within the tolerance the portal allows', async () => {
    for (let i = 0; i < 12; i += 1) {
      const puzzle = newPuzzle(Date.now());
      const { background, piece } = renderPuzzle(puzzle);
      const { x } = await findSliderGap(background, piece);
      expect(Math.abs(x + 1 - puzzle.gapX)).toBeLessThanOrEqual(2);
    }
  });

  it('masks personal values by field id, keeping enough to tell two apart', () => {
    expect(isPersonalField('members[0].idNumber')).toBe(true);
    expect(isPersonalField('legalRep.name')).toBe(true);
    expect(isPersonalField('companyName')).toBe(false);
    expect(maskValue('members[0].idNumber', '350603198506120316')).toBe('3506************16');
    expect(maskValue('agent.mobile', '13805961234')).toBe('138****1234');
    expect(maskValue('legalRep.name', '林志远')).toBe('林**');
    expect(maskValue('smsCode', '123456')).toBe('******');
    expect(maskValue('unitName', '漳州云启软件科技有限公司')).toBe('漳州云启软件科技有限公司');
  });

  describe('with a browser', () => {
    const pool = new BrowserPool({ size: 1, recycleAfterRuns: 2 });
    afterAll(() => pool.close());

    it('reuses one Chromium, replaces it after N runs and after a crash', async () => {
      for (let i = 0; i < 3; i += 1) {
        const lease = await pool.acquire();
        await lease.release();
      }
      expect(pool.stats()).toMatchObject({ launches: 2, runs: 3, active: 0 });
      const lease = await pool.acquire();
      await lease.context.browser()?.close(); // the browser dies under a run
      await lease.release(true);
      const next = await pool.acquire();
      const page = await next.context.newPage();
      await page.setContent('<p>alive</p>');
      expect(await page.textContent('p')).toBe('alive');
      await next.release();
      expect(pool.stats().launches).toBe(3);
    });

    it('gives jobs started together a Chromium each when the pool recycles after every run', async () => {
      const perJob = new BrowserPool({ size: 3, recycleAfterRuns: 1 });
      try {
        const leases = await Promise.all([perJob.acquire(), perJob.acquire(), perJob.acquire()]);
        const browsers = new Set(leases.map((lease) => lease.context.browser()));
        expect(browsers.size).toBe(3);
        expect(perJob.stats()).toMatchObject({ launches: 3, runs: 3, active: 3 });
        await Promise.all(leases.map((lease) => lease.release()));
        // Each browser closed with its one run.
        expect([...browsers].map((browser) => browser?.isConnected())).toEqual([false, false, false]);
      } finally {
        await perJob.close();
      }
    });

    it('gives up on a page that does not answer the mouse wheel or a read within the action timeout', async () => {
      // Playwright's mouse.wheel has no timeout and returns only once the page's main thread handled the
      // event. Here the page's wheel handler blocks that thread for 20 s, as a renderer that stopped
      // answering would for ever, while the notice's box stays disabled as during a countdown.
      const lease = await pool.acquire();
      onTestFinished(() => lease.release());
      const page = await lease.context.newPage();
      await page.setContent(`
        <div id="notice" style="height:120px;overflow:auto"><div style="height:2000px">承诺书</div></div>
        <label><input type="checkbox" disabled>我已阅读并同意</label>
        <script>
          addEventListener('wheel', () => { const end = Date.now() + 20000; while (Date.now() < end); }, { passive: false });
        </script>`);
      const settings = resolveRunnerOptions({ actionTimeoutMs: 1_000, navigationTimeoutMs: 30_000 });
      const run = localRun(page, { values: {}, settings });
      const started = Date.now();
      const failure = await readAndAccept('我已阅读并同意')
        .fill(run, page.locator('#notice'), '1')
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(PortalUnavailableError);
      expect((failure as Error).message).toContain('未响应鼠标滚动');
      // The action timeout, not the 20 s the page held the wheel, nor the 30 s the notice may take.
      expect(Date.now() - started).toBeLessThan(8_000);
      // Reading the page (page.evaluate, no timeout of its own either) gives up after a page load's time.
      const reading = Date.now();
      const quick = resolveRunnerOptions({ navigationTimeoutMs: 1_000 });
      const unread = await busyText(localRun(page, { values: {}, settings: quick })).catch((e: unknown) => e);
      expect(unread).toBeInstanceOf(PortalUnavailableError);
      expect(Date.now() - reading).toBeLessThan(5_000);
    });

    describe('locators', () => {
      let release: () => Promise<void>;
      let page: import('playwright-core').Page;
      beforeAll(async () => {
        const lease = await pool.acquire();
        release = () => lease.release();
        page = await lease.context.newPage();
        await page.setContent(`
          <div><label for="a">*企业名称：</label><div><input id="a" value="甲"></div></div>
          <table><tr><th>单位地址</th><td><input value="乙"></td><th>邮政编码</th><td><input value="363000"></td></tr></table>
          <table><thead><tr><th>项目</th><th>姓名</th></tr></thead>
            <tbody><tr><th>财务负责人</th><td><input value="丙"></td></tr><tr><th>办税人</th><td><input value="丁"></td></tr></tbody></table>
          <fieldset><legend>成员 1<button>删除</button></legend><label>姓名</label><div><input value="张"></div></fieldset>
          <fieldset><legend>成员 10<button>删除</button></legend><label>姓名</label><div><input value="李"></div></fieldset>`);
      });
      afterAll(() => release());

      /** A run of an item on the page as it is, for filling one step's fields (a short find timeout). */
      const runOn = (
        on: typeof page,
        values: Record<string, unknown>,
        findTimeoutMs = 200,
        documents: Record<string, AttachedDocument> = {},
      ) => localRun(on, { values, documents, findTimeoutMs });

      const inputNextTo = async (find: Parameters<typeof findOne>[1], scope = page) =>
        (await findOne(scope, find, 200)).locator('input').inputValue();

      it('finds fields by what a person reads: label, header cell, grid row and column, fieldset legend', async () => {
        expect(await inputNextTo({ label: '企业名称' })).toBe('甲');
        expect(await inputNextTo({ label: '邮政编码' })).toBe('363000');
        const cell = await findOne(page, { row: '办税人', column: '姓名' }, 200);
        expect(await cell.locator('input').inputValue()).toBe('丁');
        const row = await findOne(page, { legend: '成员 1' }, 200);
        expect(await (await findOne(row, { label: '姓名' }, 200)).locator('input').inputValue()).toBe('张');
      });

      it('refuses ambiguity and absence as a changed portal', async () => {
        await expect(findOne(page, { label: '姓名' }, 200)).rejects.toThrow(PortalChangedError);
        await expect(findOne(page, { label: '姓名' }, 200)).rejects.toThrow('有 2 处');
        await expect(findOne(page, { label: '统一社会信用代码' }, 200)).rejects.toThrow('找不到');
      });

      it('chooses in a list that ignores a click while it loads and closes under a tap, until the box shows it', async () => {
        await page.setContent(`
          <label>开户网点</label>
          <div><input readonly><ul role="listbox" hidden><li>漳州芗城支行</li><li>漳州龙文支行</li></ul></div>
          <script>
            const box = document.querySelector('input');
            const list = document.querySelector('ul');
            window.clicks = 0;
            // The first click comes while the list loads; the first press on an option lands as the list
            // reloads and closes.
            box.addEventListener('click', () => {
              window.clicks += 1;
              if (window.clicks > 1) list.hidden = !list.hidden;
            });
            let presses = 0;
            document.addEventListener('mousedown', (e) => {
              if (e.target.closest('li') && ++presses === 1) list.hidden = true;
            }, true);
            list.addEventListener('click', (e) => {
              box.value = e.target.closest('li').textContent;
              list.hidden = true;
            });
          </script>`);
        const branch = { field: 'branch', find: { label: '开户网点' }, widget: divSelect() };
        const step = { name: 't', ready: { text: 'x' }, fields: [branch] };
        // Long enough for the pause a person makes before clicking a box that did not open.
        await fillStep(runOn(page, { branch: '漳州龙文支行' }, 2000), page, step);
        expect(await page.locator('input').inputValue()).toBe('漳州龙文支行');
        // Ignored, opened, opened again after the list closed under the first tap.
        expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(3);

        const missing = await fillStep(runOn(page, { branch: '漳州角美支行' }), page, step).catch(
          (e: unknown) => e,
        );
        expect(missing).toBeInstanceOf(PortalChangedError);
        expect((missing as Error).message).toContain('下拉列表中没有“漳州角美支行”');
      });

      it('types the next fields while an upload is under way, and waits for its answer before the page is left', async () => {
        // An upload slot as portals build it: the file goes up at once and the slot shows its name (or the
        // portal's complaint) when the answer comes, here 400 ms later; a text field follows it.
        await page.setContent(`
          <label>身份证正面照片</label>
          <div><input type="file" hidden><button type="button">点击上传</button><span></span><div role="alert"></div></div>
          <label>住址</label><div><input id="address"></div>
          <script>
            const file = document.querySelector('input[type=file]');
            document.querySelector('button').addEventListener('click', () => file.click());
            window.typedWhileUploading = false;
            let uploading = false;
            document.getElementById('address').addEventListener('input', () => {
              if (uploading) window.typedWhileUploading = true;
            });
            file.addEventListener('change', () => {
              const chosen = file.files[0];
              uploading = true;
              setTimeout(() => {
                uploading = false;
                if (chosen.name.endsWith('.exe')) document.querySelector('[role=alert]').textContent = '文件类型不符合要求';
                else document.querySelector('span').textContent = chosen.name + '（1KB）';
              }, 400);
            });
          </script>`);
        const folder = await mkdtemp(join(tmpdir(), 'yijian-upload-'));
        onTestFinished(() => rm(folder, { recursive: true, force: true }));
        await writeFile(join(folder, 'a'), 'picture');
        const attached = (fileName: string) => ({
          path: join(folder, 'a'),
          fileName,
          mimeType: 'image/jpeg',
        });
        const step = {
          name: 't',
          ready: { text: 'x' },
          fields: [
            { field: 'idFrontPhoto', find: { label: '身份证正面照片' }, widget: upload() },
            { field: 'address', find: { label: '住址' }, widget: text() },
          ],
        };
        const values = { idFrontPhoto: { document: 'front' }, address: '漳州市龙文区' };
        const run = runOn(page, values, 2000, { front: attached('front.jpg') });
        const bound = await fillStep(run, page, step);
        expect(
          await page.evaluate(
            () => (window as unknown as { typedWhileUploading: boolean }).typedWhileUploading,
          ),
        ).toBe(true);
        // The step came back only once the slot showed the file: the read-back finds both values.
        await readBack(run, bound);
        expect(run.comparison.map((c) => [c.fieldId, c.matches])).toEqual([
          ['idFrontPhoto', true],
          ['address', true],
        ]);

        await page.evaluate(() => {
          (document.querySelector('span') as HTMLElement).textContent = '';
        });
        const refused = await fillStep(
          runOn(page, values, 2000, { front: attached('front.exe') }),
          page,
          step,
        ).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(ValueRejectedError);
        expect((refused as ValueRejectedError).fields).toEqual([
          { fieldId: 'idFrontPhoto', message: '文件类型不符合要求' },
        ]);
      });

      it('reads every value back: a value a page script overwrote is typed again, one the page refuses is reported', async () => {
        await page.setContent(`
          <label>企业名称</label><div><input id="name"></div>
          <label>邮政编码</label><div><input id="postcode" maxlength="3"></div>
          <script>
            // The page "helpfully" rewrites the name the first time it changes.
            let first = true;
            document.getElementById('name').addEventListener('change', (e) => {
              if (first) { first = false; window.rewrote = e.target.value; e.target.value += '（草稿）'; }
            });
          </script>`);
        const run = runOn(page, { companyName: '漳州云启软件科技有限公司', postcode: '363000' });
        const bound = await fillStep(run, page, {
          name: 't',
          ready: { text: 'x' },
          fields: [
            { field: 'companyName', find: { label: '企业名称' }, widget: text() },
            { field: 'postcode', find: { label: '邮政编码' }, widget: text() },
          ],
        });
        // Playwright's fill fires "change" only on blur; leave the box as a person's next click would.
        await page.locator('#postcode').focus();
        const failure = await readBack(run, bound).catch((error: unknown) => error);
        // The page did overwrite the name once; the read-back typed it again.
        expect(await page.evaluate(() => (window as unknown as { rewrote?: string }).rewrote)).toBe(
          '漳州云启软件科技有限公司',
        );
        expect(failure).toBeInstanceOf(ValueRejectedError);
        expect((failure as ValueRejectedError).fields.map((f) => f.fieldId)).toEqual(['postcode']);
        expect(run.comparison).toEqual([
          {
            fieldId: 'companyName',
            intended: '漳州云启软件科技有限公司',
            onPage: '漳州云启软件科技有限公司',
            matches: true,
          },
          { fieldId: 'postcode', intended: '363000', onPage: '363', matches: false },
        ]);
      });
    });
  });
});
