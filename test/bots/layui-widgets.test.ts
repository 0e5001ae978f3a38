import { describe, expect, it } from 'vitest';
import { censusOf } from '../../bots/runtime/census/census.ts';
import { FAMILY_VALUES, familyFields } from './support/family-fields.ts';
import { FAMILY_BRANCHES, familyPage, itRefusesWrongSelects } from './support/family-page.ts';
import { LAYUI_FILES } from './support/local-page.ts';

/**
 * A layui form as a portal builds it: a searchable select, a list that loads slowly and opens in a panel
 * appended to <body>, radio and checkbox skins, laydate (a day and a month), layui.upload and a layer notice. Plus a box that
 * only looks like a select (a plain input), which a layui select binding must refuse at once.
 */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/layui/css/layui.css"></head>
<body><form class="layui-form" lay-filter="f" style="padding:20px">
<div class="layui-form-item"><label class="layui-form-label">币种</label><div class="layui-input-block">
  <select name="currency" lay-search><option value="">请选择</option><option value="156">人民币</option><option value="840">美元</option><option value="344">港元</option></select></div></div>
<div class="layui-form-item"><label class="layui-form-label">开户网点</label><div class="layui-input-block">
  <select name="branch" lay-append-to="body"><option value="">加载中…</option></select></div></div>
<div class="layui-form-item"><label class="layui-form-label">性别</label><div class="layui-input-block">
  <input type="radio" name="sex" value="1" title="男"><input type="radio" name="sex" value="2" title="女"></div></div>
<div class="layui-form-item"><label class="layui-form-label">险种</label><div class="layui-input-block">
  <input type="checkbox" name="t" value="310" title="职工基本医疗保险" lay-skin="primary" checked>
  <input type="checkbox" name="t" value="510" title="生育保险" lay-skin="primary">
  <input type="checkbox" name="t" value="390" title="大额医疗补助" lay-skin="primary"></div></div>
<div class="layui-form-item"><label class="layui-form-label">成立日期</label><div class="layui-input-block">
  <input type="text" class="layui-input" id="d" readonly></div></div>
<div class="layui-form-item"><label class="layui-form-label">启缴年月</label><div class="layui-input-block">
  <input type="text" class="layui-input" id="m" readonly></div></div>
<div class="layui-form-item"><label class="layui-form-label">营业执照</label><div class="layui-input-block">
  <button type="button" class="layui-btn" id="up"><i class="layui-icon layui-icon-upload"></i>上传文件</button><div class="layui-upload-list"></div><div role="alert"></div></div></div>
<div class="layui-form-item"><label class="layui-form-label">承诺</label><div class="layui-input-block">
  <input type="checkbox" name="cn" value="1" lay-skin="primary" lay-filter="cn" title="我已阅读并同意承诺书"></div></div>
<div class="layui-form-item"><label class="layui-form-label">行业</label><div class="layui-input-block">
  <input type="text" class="layui-input" readonly placeholder="请选择"></div></div>
</form>
<script src="/layui/layui.js"></script>
<script>
layui.use(['form', 'laydate', 'upload', 'layer'], () => {
  const { form, laydate, upload, layer } = layui;
  form.render();
  // The branches come 1.2 s after the page, as a department's list does.
  fetch('/api/branches').then((r) => r.json()).then((list) => {
    const select = document.querySelector('select[name=branch]');
    select.innerHTML = '<option value="">请选择网点</option>';
    for (const b of list) select.add(new Option(b.name, b.code));
    form.render('select', 'f');
  });
  laydate.render({ elem: '#d', format: 'yyyy-MM-dd' });
  laydate.render({ elem: '#m', type: 'month', format: 'yyyy-MM' });
  upload.render({ elem: '#up', url: '/upload', accept: 'file', done(res) {
    document.querySelector('.layui-upload-list').textContent = res.name + '（1KB）';
  } });
  form.on('checkbox(cn)', (data) => {
    if (!data.elem.checked) return;
    data.elem.checked = false;
    form.render('checkbox', 'f');
    let read = false;
    layer.open({ type: 1, title: '承诺书', area: ['420px', '240px'], btn: ['同意', '取消'],
      content: '<div style="padding:16px;line-height:2">' + '本人承诺所填信息真实有效。'.repeat(60) + '</div>',
      success(layero) {
        const c = layero.find('.layui-layer-content')[0];
        c.addEventListener('scroll', () => { read = read || c.scrollTop + c.clientHeight >= c.scrollHeight - 4; });
      },
      yes(index) {
        if (!read) return void layer.msg('请读完');
        data.elem.checked = true;
        form.render('checkbox', 'f');
        layer.close(index);
      } });
  });
});
</script></body></html>`;

describe('the layui family', () => {
  const form = familyPage('layui', {
    page: PAGE,
    libs: LAYUI_FILES,
    branches: FAMILY_BRANCHES,
    uploaded: { code: 0, name: 'licence.jpg' },
  });

  it('fills selects (one slow, one teleported), skins, laydate (day and month), layui.upload and a layer notice', async () => {
    await form.open();
    const fields = familyFields(
      ['currency', 'branch', 'sex', 'types', 'established', 'startMonth', 'licence', 'accepted'],
      { startMonth: '启缴年月', uploadButton: '上传文件' },
    );
    // The month is years back from today's panel: the year arrows, then the month list.
    const values = { ...FAMILY_VALUES, currency: '840', branch: '漳州龙文支行', startMonth: '202403' };
    await form.fillAndReadBack(values, fields);
    const posted = await form.page.evaluate(() => {
      const data = new FormData(document.querySelector('form') as HTMLFormElement);
      return {
        currency: data.get('currency'),
        branch: data.get('branch'),
        sex: data.get('sex'),
        t: data.getAll('t'),
        cn: data.get('cn'),
      };
    });
    expect(posted).toEqual({ currency: '840', branch: 'B02', sex: '2', t: ['510', '390'], cn: '1' });
    expect(await form.page.locator('#d').inputValue()).toBe('2024-02-29');
    expect(await form.page.locator('#m').inputValue()).toBe('2024-03');
    expect(await form.page.locator('.layui-upload-list').textContent()).toBe('licence.jpg（1KB）');
  });

  it('its census tells a laydate month picker from a day picker by opening each', async () => {
    await form.open();
    await form.page.locator('.layui-form-select').first().waitFor();
    const census = await censusOf(form.page);
    const kinds = Object.fromEntries(census.fields.map((f) => [f.label, `${f.family}/${f.kind}`]));
    expect(kinds).toMatchObject({ 成立日期: 'layui/layui-date', 启缴年月: 'layui/layui-month' });
    // The panels opened to tell them apart are closed again, and nothing was chosen.
    expect(await form.page.locator('.layui-laydate').filter({ visible: true }).count()).toBe(0);
    expect(await form.page.locator('#d').inputValue()).toBe('');
    expect(await form.page.locator('#m').inputValue()).toBe('');
  });

  itRefusesWrongSelects(
    form,
    'layui',
    { withinMs: 3500, locator: '.layui-form-select' },
    {
      field: 'currency',
      label: '币种',
      value: '日元',
      message: 'currency（标签“币种”）：下拉列表中没有“日元”',
    },
  );
});
