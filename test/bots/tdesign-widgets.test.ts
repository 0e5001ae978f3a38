import { describe, expect, it } from 'vitest';
import { censusOf } from '../../bots/runtime/census/census.ts';
import { FAMILY_VALUES, familyFields } from './support/family-fields.ts';
import { FAMILY_BRANCHES, familyPage, itRefusesWrongSelects } from './support/family-page.ts';
import { VUE_LIBRARIES } from './support/vue-libraries.ts';

/**
 * A TDesign form as a portal builds it with tdesign-vue-next on Vue 3: a select whose options arrive late, a
 * lazy cascader, a day and a month picker whose panels are teleported to <body>, radios, a checkbox group, t-upload
 * and a t-dialog notice. Plus a box that only looks like a select (a plain input), which a select binding
 * must refuse at once. `window.model` is what the page would post.
 */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/tdesign/tdesign.min.css"></head>
<body><div id="app"></div>
<script src="/vue/vue.global.prod.js"></script><script src="/tdesign/tdesign.min.js"></script>
<script>
const tree = { '': [['350000', '福建省'], ['330000', '浙江省']], '350000': [['350600', '漳州市'], ['350200', '厦门市']],
  '350600': [['350602', '芗城区'], ['350603', '龙文区']] };
const later = (value, ms) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
const app = Vue.createApp({
  template: \`<t-form :data="model" label-width="120px" style="padding:20px">
  <t-form-item label="开户网点"><t-select v-model="model.branch" :options="branches" :loading="!branches.length" placeholder="请选择"></t-select></t-form-item>
  <t-form-item label="所在区域"><t-cascader v-model="model.region" :options="provinces" :load="load" value-type="full"></t-cascader></t-form-item>
  <t-form-item label="成立日期"><t-date-picker v-model="model.date" value-type="YYYY-MM-DD"></t-date-picker></t-form-item>
  <t-form-item label="启缴年月"><t-date-picker v-model="model.month" mode="month" format="YYYY-MM" value-type="YYYY-MM" placeholder="请选择"></t-date-picker></t-form-item>
  <t-form-item label="性别"><t-radio-group v-model="model.sex"><t-radio value="1">男</t-radio><t-radio value="2">女</t-radio></t-radio-group></t-form-item>
  <t-form-item label="险种"><t-checkbox-group v-model="model.types" :options="[{label:'职工基本医疗保险',value:'310'},{label:'生育保险',value:'510'},{label:'大额医疗补助',value:'390'}]"></t-checkbox-group></t-form-item>
  <t-form-item label="营业执照"><t-upload v-model="files" action="/upload" theme="file" :format-response="(r) => r" @success="(c) => model.licence = c.response.id"></t-upload></t-form-item>
  <t-form-item label="承诺"><t-checkbox :checked="model.cn" @change="(v) => { if (v) dialog = true; else model.cn = false; }">我已阅读并同意承诺书</t-checkbox></t-form-item>
  <t-form-item label="行业"><t-input placeholder="请选择" readonly></t-input></t-form-item>
</t-form>
<t-dialog v-model:visible="dialog" header="承诺书" confirm-btn="同意" @confirm="model.cn = true; dialog = false">
  <p v-for="i in 30">本人承诺所填信息真实有效。</p></t-dialog>\`,
  setup() {
    const model = Vue.reactive({ branch: '', region: [], date: '', month: '', sex: '', types: ['310'], licence: '', cn: false });
    window.model = model;
    const branches = Vue.ref([]);
    // The branches come 1.2 s after the page, as a department's list does.
    fetch('/api/branches').then((r) => r.json()).then((list) => { branches.value = list; });
    const provinces = tree[''].map(([value, label]) => ({ value, label, children: true }));
    const load = (node) => later(tree[node.value].map(([value, label]) => ({ value, label,
      children: node.value === '350000' ? true : undefined })), 500);
    return { model, branches, provinces, load, files: Vue.ref([]), dialog: Vue.ref(false) };
  },
});
app.use(TDesign.default);
app.mount('#app');
</script></body></html>`;

describe('the TDesign family', () => {
  const form = familyPage('tdesign', {
    page: PAGE,
    libs: VUE_LIBRARIES,
    branches: FAMILY_BRANCHES.map(({ code, name }) => ({ value: code, label: name })),
    uploaded: { id: 'F1', name: 'licence.jpg' },
  });

  it('fills a slow select, a teleported cascader, day and month panels, radios, checkboxes, t-upload and a t-dialog', async () => {
    await form.open();
    const fields = familyFields(
      ['branch', 'region', 'established', 'startMonth', 'sex', 'types', 'licence', 'accepted'],
      { region: '所在区域', startMonth: '启缴年月', uploadButton: '选择文件' },
    );
    // The month is years back from today's panel: the year arrows, then the month's cell.
    const values = { ...FAMILY_VALUES, branch: '漳州龙文支行', region: '350603', startMonth: '202403' };
    await form.fillAndReadBack(values, fields);
    expect(
      await form.page.evaluate(() =>
        JSON.parse(JSON.stringify((window as never as { model: unknown }).model)),
      ),
    ).toEqual({
      branch: 'B02',
      region: ['350000', '350600', '350603'],
      date: '2024-02-29',
      month: '2024-03',
      sex: '2',
      types: ['510', '390'],
      licence: 'F1',
      cn: true,
    });
  });

  it('its census names each field by the family’s kinds, reads a select’s list and opens a picker to tell a month one', async () => {
    await form.open();
    await form.page.locator('.t-upload').first().waitFor();
    // A real portal's top left corner: its 退出 link. The census closes popups without clicking a point.
    await form.page.evaluate(() => {
      const exit = document.createElement('a');
      exit.href = '#';
      exit.textContent = '退出';
      exit.style.cssText = 'position:fixed;left:0;top:0;width:48px;height:24px;z-index:99999';
      exit.addEventListener('click', (event) => {
        event.preventDefault();
        document.body.dataset.loggedOut = 'yes';
      });
      document.body.prepend(exit);
    });
    const census = await censusOf(form.page);
    expect(await form.page.evaluate(() => document.body.dataset.loggedOut ?? 'no')).toBe('no');
    const kinds = Object.fromEntries(census.fields.map((f) => [f.label, `${f.family}/${f.kind}`]));
    expect(kinds).toMatchObject({
      开户网点: 'tdesign/tdesign-select',
      所在区域: 'tdesign/tdesign-cascader',
      成立日期: 'tdesign/tdesign-date',
      启缴年月: 'tdesign/tdesign-month',
      性别: 'tdesign/tdesign-radio',
      险种: 'tdesign/tdesign-checkboxes',
      营业执照: 'tdesign/tdesign-upload',
      承诺: 'tdesign/tdesign-notice',
    });
    // The select's list, teleported to <body> and loaded late, is opened to be read, as are the radios.
    const options = Object.fromEntries(census.fields.map((f) => [f.label, f.options]));
    expect(options).toMatchObject({ 开户网点: ['漳州芗城支行', '漳州龙文支行'], 性别: ['男', '女'] });
    // The lists and pickers opened are closed again, and nothing was chosen.
    expect(await form.page.locator('.t-popup').filter({ visible: true }).count()).toBe(0);
    expect(
      await form.page.evaluate(() => (window as never as { model: { branch: string } }).model.branch),
    ).toBe('');
  });

  itRefusesWrongSelects(
    form,
    'TDesign',
    { withinMs: 3500, locator: '.t-select' },
    {
      field: 'branch',
      label: '开户网点',
      value: '漳州东山支行',
      message: 'branch（标签“开户网点”）：TDesign 下拉列表中没有“漳州东山支行”',
    },
  );
});
