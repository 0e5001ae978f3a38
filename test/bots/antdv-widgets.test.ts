import { describe, expect, it } from 'vitest';
import { PortalChangedError } from '../../bots/errors/index.ts';
import { censusOf } from '../../bots/runtime/census/census.ts';
import { regionCascade } from '../../bots/runtime/widgets/index.ts';
import { FAMILY_VALUES, familyFields } from './support/family-fields.ts';
import { expectNotOffered, familyPage, itRefusesWrongSelects } from './support/family-page.ts';
import { later } from './support/local-page.ts';
import { DAYJS_PLUGINS, VUE_LIBRARIES } from './support/vue-libraries.ts';

/** Twenty branches: more than an antd select draws at once, so the last ones need scrolling to. */
const BRANCHES = Array.from({ length: 20 }, (_, i) => ({
  value: `B${String(i + 1).padStart(2, '0')}`,
  label: `漳州第${i + 1}支行`,
}));

/**
 * An Ant Design Vue form as a portal builds it: a searchable select, a long select whose options arrive
 * 1.2 s after the page, a cascader of regions whose columns load one by one, a date and a month picker,
 * radios, a checkbox group, a-upload and a modal notice, all teleporting their popups to <body>. Plus a box
 * that only looks like a select (a plain input), which an antdv select binding must refuse at once.
 */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/antd/reset.css"></head>
<body><div id="app"></div>
<script src="/vue/vue.global.prod.js"></script><script src="/dayjs/dayjs.min.js"></script>
${DAYJS_PLUGINS.map((p) => `<script src="/dayjs/plugin/${p}.js"></script>`).join('')}
<script src="/antd/antd-with-locales.min.js"></script>
<script>
const { createApp, reactive, ref } = Vue;
createApp({
  template: \`<a-form :label-col="{ style: { width: '120px' } }" style="padding: 20px; max-width: 720px">
  <a-form-item label="币种"><a-select v-model:value="f.currency" show-search :options="currencies" /></a-form-item>
  <a-form-item label="开户网点"><a-select v-model:value="f.branch" :options="branches" placeholder="加载中…" /></a-form-item>
  <a-form-item label="所在地区"><a-cascader v-model:value="f.region" :options="regions" :load-data="load" /></a-form-item>
  <a-form-item label="性别"><a-radio-group v-model:value="f.sex" :options="[{ value: '1', label: '男' }, { value: '2', label: '女' }]" /></a-form-item>
  <a-form-item label="险种"><a-checkbox-group v-model:value="f.types" :options="['职工基本医疗保险', '生育保险', '大额医疗补助']" /></a-form-item>
  <a-form-item label="成立日期"><a-date-picker v-model:value="f.established" value-format="YYYY-MM-DD" /></a-form-item>
  <a-form-item label="起缴月份"><a-date-picker v-model:value="f.month" picker="month" value-format="YYYY-MM" /></a-form-item>
  <a-form-item label="营业执照"><a-upload action="/upload" :max-count="1"><a-button>上传文件</a-button></a-upload></a-form-item>
  <a-form-item label="承诺"><a-checkbox :checked="f.cn" @change="ask">我已阅读并同意承诺书</a-checkbox></a-form-item>
  <a-form-item label="行业"><input class="ant-input" readonly placeholder="请选择"></a-form-item>
  <a-form-item label="备注"><a-input v-model:value="f.note" /></a-form-item>
</a-form>
<a-modal v-model:open="open" title="承诺书" ok-text="同意" :ok-button-props="{ disabled: !read }" @ok="f.cn = true; open = false">
  <div ref="text" style="max-height: 120px; overflow-y: auto; line-height: 2" @scroll="scrolled">{{ '本人承诺所填信息真实有效。'.repeat(40) }}</div>
</a-modal>\`,
  setup() {
    const f = reactive({ currency: '156', branch: undefined, region: [], sex: undefined, types: ['职工基本医疗保险'], established: undefined, month: undefined, cn: false, note: '' });
    window.formModel = f;
    const branches = ref([]);
    // The branches come 1.2 s after the page, as a department's list does.
    fetch('/api/branches').then((r) => r.json()).then((list) => { branches.value = list; });
    const regions = ref([{ value: '350000', label: '福建省', isLeaf: false }, { value: '440000', label: '广东省', isLeaf: false }]);
    const load = async (selected) => {
      const target = selected[selected.length - 1];
      target.loading = true;
      const list = await (await fetch('/api/regions?parent=' + target.value)).json();
      target.children = list.map((r) => ({ ...r, isLeaf: selected.length >= 2 }));
      target.loading = false;
      regions.value = [...regions.value];
    };
    const open = ref(false), read = ref(false), text = ref(null);
    const scrolled = () => { const b = text.value; read.value = read.value || b.scrollTop + b.clientHeight >= b.scrollHeight - 4; };
    const ask = (e) => { if (e.target.checked) { read.value = false; open.value = true; } else f.cn = false; };
    return { f, branches, regions, load, open, read, text, scrolled, ask,
      currencies: [{ value: '156', label: '人民币' }, { value: '840', label: '美元' }, { value: '344', label: '港元' }] };
  },
}).use(antd).mount('#app');
</script></body></html>`;

const REGIONS: Record<string, { value: string; label: string }[]> = {
  '350000': [
    { value: '350100', label: '福州市' },
    { value: '350600', label: '漳州市' },
  ],
  '350600': [
    { value: '350602', label: '芗城区' },
    { value: '350603', label: '龙文区' },
  ],
};

describe('the antdv family', () => {
  const site = {
    page: PAGE,
    libs: VUE_LIBRARIES,
    branches: BRANCHES,
    uploaded: { ok: true },
    json: { '/api/regions': (url: URL) => later(300, REGIONS[url.searchParams.get('parent') ?? ''] ?? []) },
  };
  const form = familyPage('antdv', site, '.ant-form-item');
  /** What the Vue app holds: the form's model (the page puts it on window), as it would be posted. */
  const model = () =>
    form.page.evaluate(
      () =>
        JSON.parse(JSON.stringify((window as unknown as { formModel: unknown }).formModel)) as Record<
          string,
          unknown
        >,
    );

  it('fills selects (one searched, one slow and long), a cascader, pickers, boxes, a-upload and a modal with the usual kinds', async () => {
    await form.open();
    const fields = familyFields(
      ['currency', 'branch', 'region', 'sex', 'types', 'established', 'startMonth', 'licence', 'accepted'],
      { region: '所在地区', startMonth: '起缴月份', uploadButton: '上传文件' },
    );
    const values = {
      ...FAMILY_VALUES,
      currency: '840',
      branch: '漳州第19支行',
      region: '350603',
      startMonth: '202703',
    };
    await form.fillAndReadBack(values, fields);
    expect(await model()).toMatchObject({
      currency: '840',
      branch: 'B19',
      region: ['350000', '350600', '350603'],
      sex: '2',
      types: ['生育保险', '大额医疗补助'],
      established: '2024-02-29',
      month: '2027-03',
      cn: true,
    });
    expect(
      await form.page.locator('.ant-upload-list-item-done .ant-upload-list-item-name').textContent(),
    ).toBe('licence.jpg');
  });

  it('its census names each field by the family’s kinds, reads the lists and tells a month picker', async () => {
    await form.open();
    const census = await censusOf(form.page, { openTimeoutMs: 3000 });
    const kinds = Object.fromEntries(census.fields.map((f) => [f.label, `${f.family}/${f.kind}`]));
    expect(kinds).toMatchObject({
      币种: 'antdv/antdv-select',
      开户网点: 'antdv/antdv-select',
      所在地区: 'antdv/antdv-cascader',
      性别: 'antdv/antdv-radio',
      险种: 'antdv/antdv-checkboxes',
      成立日期: 'antdv/antdv-date',
      起缴月份: 'antdv/antdv-month',
      营业执照: 'antdv/antdv-upload',
      承诺: 'antdv/antdv-notice',
      备注: 'antdv/text',
    });
    const options = Object.fromEntries(census.fields.map((f) => [f.label, f.options]));
    expect(options).toMatchObject({
      币种: ['人民币', '美元', '港元'],
      性别: ['男', '女'],
      险种: ['职工基本医疗保险', '生育保险', '大额医疗补助'],
    });
    // A long list that loads late and is drawn only in part is scrolled to its end to be read.
    expect(new Set(options.开户网点)).toEqual(new Set(BRANCHES.map((b) => b.label)));
    // The lists and panels opened are closed again, and nothing was chosen.
    const popups =
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)';
    expect(await form.page.locator(popups).filter({ visible: true }).count()).toBe(0);
    const after = await model();
    expect([after.currency, after.branch, after.established, after.month]).toEqual([
      '156',
      undefined,
      undefined,
      undefined,
    ]);
  });

  itRefusesWrongSelects(form, 'antdv', {
    withinMs: 4500,
    locator: '.ant-select-selector input[role=combobox]',
  });

  it('says so when a loaded list or cascader level does not offer the value', async () => {
    await form.open();
    await expectNotOffered(
      form,
      { field: 'currency', label: '币种', value: '日元' },
      '备注',
      'currency（标签“币种”）：下拉列表中没有“日元”',
    );
    // 厦门市 is a real city of 福建省, but this cascader's second column does not offer it.
    const missing = await form
      .fill(
        { region: '350203' },
        [{ field: 'region', find: { label: '所在地区' }, widget: regionCascade() }],
        500,
      )
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(PortalChangedError);
    expect((missing as Error).message).toContain('region（标签“所在地区”）：级联选择第 2 级中没有“厦门市”');
  });
});
