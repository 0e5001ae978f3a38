import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyFor } from '../../bots/runtime/families/index.ts';
import { fillStep, readBack } from '../../bots/runtime/fill.ts';
import type { StepDeclaration, UiFamilyName } from '../../bots/runtime/types.ts';
import { divSelect } from '../../bots/runtime/widgets/index.ts';
import { type LocalPage, localRun, LOCAL_ORIGIN as ORIGIN, openLocalPage } from './support/local-page.ts';
import { DAYJS_PLUGINS, fulfilLibrary } from './support/vue-libraries.ts';

/**
 * The Ant Design Vue and TDesign selects in a browser whose CPU is throttled, as on a loaded machine with
 * several bots: a searchable select, and a long list that arrives 300–800 ms after the page (antd draws only
 * part of it, so its 19th entry needs scrolling to). Before the fix, a shown option was given 600 ms to take
 * its click and to show as chosen, and a fill failed now and then as PORTAL_CHANGED. `YIJIAN_THROTTLE` and
 * `YIJIAN_FILLS` raise the load and the count when hunting a flake.
 */
const THROTTLE = Number(process.env.YIJIAN_THROTTLE ?? 8);
const FILLS = Number(process.env.YIJIAN_FILLS ?? 3);

const BRANCHES = Array.from({ length: 20 }, (_, i) => ({
  value: `B${String(i + 1).padStart(2, '0')}`,
  label: `漳州第${i + 1}支行`,
}));
const KINDS = ['餐饮场所', '商场市场', '宾馆饭店', '公共娱乐场所', '体育场馆', '其他公众聚集场所'];

/** The model as the page would post it, on `window.model`; the branches come from /api/branches. */
const SETUP = `setup() {
    const model = Vue.reactive({ kind: undefined, branch: undefined });
    window.model = model;
    const branches = Vue.ref([]);
    fetch('/api/branches').then((r) => r.json()).then((list) => { branches.value = list; });
    return { model, branches, kinds: ${JSON.stringify(KINDS.map((k) => ({ value: k, label: k })))} };
  }`;

const PAGES: Record<'antdv' | 'tdesign', string> = {
  antdv: `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/antd/reset.css"></head>
<body><div id="app"></div>
<script src="/vue/vue.global.prod.js"></script><script src="/dayjs/dayjs.min.js"></script>
${DAYJS_PLUGINS.map((p) => `<script src="/dayjs/plugin/${p}.js"></script>`).join('')}
<script src="/antd/antd-with-locales.min.js"></script>
<script>
Vue.createApp({
  template: \`<a-form :label-col="{ style: { width: '120px' } }" style="padding: 20px; max-width: 720px">
  <a-form-item label="场所类型"><a-select v-model:value="model.kind" show-search :options="kinds" /></a-form-item>
  <a-form-item label="开户网点"><a-select v-model:value="model.branch" :options="branches" placeholder="加载中…" /></a-form-item>
</a-form>\`,
  ${SETUP},
}).use(antd).mount('#app');
</script></body></html>`,
  tdesign: `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/tdesign/tdesign.min.css"></head>
<body><div id="app"></div>
<script src="/vue/vue.global.prod.js"></script><script src="/tdesign/tdesign.min.js"></script>
<script>
Vue.createApp({
  template: \`<t-form :data="model" label-width="120px" style="padding:20px">
  <t-form-item label="场所类型"><t-select v-model="model.kind" :options="kinds" filterable placeholder="请选择"></t-select></t-form-item>
  <t-form-item label="开户网点"><t-select v-model="model.branch" :options="branches" :loading="!branches.length" placeholder="请选择"></t-select></t-form-item>
</t-form>\`,
  ${SETUP},
}).use(TDesign.default).mount('#app');
</script></body></html>`,
};

const serve = (family: 'antdv' | 'tdesign') => async (page: Page) => {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/form') return route.fulfill({ contentType: 'text/html', body: PAGES[family] });
    if (await fulfilLibrary(route, path)) return;
    if (path === '/api/branches') {
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 500));
      return route.fulfill({ json: BRANCHES });
    }
    return route.fulfill({ status: 404, body: '' });
  });
};

const STEP: StepDeclaration = {
  name: 't',
  ready: { text: 'x' },
  fields: [
    { field: 'kind', find: { label: '场所类型' }, widget: divSelect() },
    { field: 'branch', find: { label: '开户网点' }, widget: divSelect() },
  ],
};

for (const family of ['antdv', 'tdesign'] as const satisfies readonly UiFamilyName[]) {
  describe(`the ${family} selects on a loaded browser`, () => {
    let local: LocalPage;
    let page: Page;
    beforeAll(async () => {
      local = await openLocalPage(serve(family));
      ({ page } = local);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    });
    afterAll(() => local?.close());

    it('chooses a searched option and a late one far down the list each time, as the page holds them', async () => {
      const results: string[] = [];
      for (let i = 0; i < FILLS; i += 1) {
        await page.goto(`${ORIGIN}/form`);
        const run = localRun(page, {
          values: { kind: '公共娱乐场所', branch: '漳州第19支行' },
          findTimeoutMs: 2000,
        });
        const t = Date.now();
        try {
          const bound = await fillStep(run, page, STEP, familyFor(family));
          await readBack(run, bound);
          const model = await page.evaluate(() => {
            const { kind, branch } = (window as unknown as { model: { kind: string; branch: string } }).model;
            return `${kind}/${branch}`;
          });
          results.push(`${i} ${model} ${run.comparison.every((r) => r.matches)} ${Date.now() - t}ms`);
        } catch (e) {
          results.push(`${i} FAIL ${Date.now() - t}ms ${(e as Error).message}`);
        }
      }
      console.info(`${family} ×${THROTTLE}:\n${results.join('\n')}`);
      expect(results.map((r) => r.split(' ').slice(0, 3).join(' '))).toEqual(
        Array.from({ length: FILLS }, (_, i) => `${i} 公共娱乐场所/B19 true`),
      );
    }, 300_000);
  });
}
